package io.mutua.plans;

import java.util.Collection;
import java.util.List;
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

    /** Everyone on a plan, revoked people included, sellers first. */
    List<PlanParticipant> onPlan(UUID planId);

    /** A participant as an owner is shown: name, email and side ("SELLER" or "BUYER"). */
    record Participant(UUID id, String name, String email, String side) {
    }

    /**
     * A participant as the plan lists them: {@code buyingRole} only for buyers; {@code mainContact} for the AE and
     * the buyer's main contact who co-own the plan; {@code status} ADDED, INVITED or REVOKED; {@code userId} only
     * for sellers.
     */
    record PlanParticipant(UUID id, String name, String email, String title, String side, String buyingRole,
            boolean mainContact, String status, UUID userId) {
    }
}
