package io.mutua.plans;

import java.time.Instant;

/** One entry of a plan's activity log; {@code actorName} is null for the system. */
public record ActivityView(Instant at, String actorName, PlanChange change, String subject, String before,
        String after) {
}
