package io.mutua.collaboration;

import java.time.Instant;
import java.util.UUID;

/** A participant as sellers see them, with engagement: when they last opened the plan and how often. */
public record ParticipantView(UUID id, UUID planId, String side, UUID userId, String name, String email,
        String title, BuyingRole buyingRole, boolean mainContact, Instant invitedAt, Instant revokedAt,
        Instant lastSeen, int visits, long version) {

    public boolean buyer() {
        return "BUYER".equals(side);
    }

    public boolean active() {
        return revokedAt == null;
    }

    public boolean neverOpened() {
        return visits == 0;
    }

    public ParticipantStatus status() {
        return revokedAt != null ? ParticipantStatus.REVOKED
                : visits > 0 ? ParticipantStatus.JOINED
                : invitedAt != null ? ParticipantStatus.INVITED
                : ParticipantStatus.ADDED;
    }
}
