package io.mutua.plans;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The people on plans, as far as plans need to know them: names for owners, and whether one may own a step of a
 * plan. Implemented by the collaboration module, which owns participants.
 */
public interface ParticipantDirectory {

    Map<UUID, Participant> byIds(Collection<UUID> ids);

    /** Whether {@code participantId} takes part in {@code planId} and is not revoked. */
    boolean isActiveOn(UUID planId, UUID participantId);

    /** A participant as an owner is shown: name, email and side ("SELLER" or "BUYER"). */
    record Participant(UUID id, String name, String email, String side) {
    }
}
