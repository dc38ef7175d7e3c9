package io.mutua.collaboration;

import java.util.UUID;

/** A participant lost access to a plan: their open live connections must end. */
public record ParticipantRevoked(UUID planId, UUID participantId) {
}
