package io.mutua.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * Something changed in a plan, as recorded in its activity log ({@code id} is the entry's). {@code internal} changes
 * concern what only the sales team sees; they must never reach a buyer. {@code subject}, {@code before} and
 * {@code after} are the entry's texts (e.g. the step title and its old and new target date).
 */
public record PlanActivity(long id, UUID planId, UUID stepId, PlanChange change, boolean internal, UUID actorUserId,
        UUID actorParticipantId, Instant at, String subject, String before, String after) {
}
