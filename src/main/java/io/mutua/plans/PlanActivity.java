package io.mutua.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * Something changed in a plan, as recorded in its activity log. {@code internal} changes concern what only the
 * sales team sees; they must never reach a buyer.
 */
public record PlanActivity(UUID planId, UUID stepId, PlanChange change, boolean internal, UUID actorUserId,
        UUID actorParticipantId, Instant at) {
}
