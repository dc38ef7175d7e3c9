package io.mutua.plans;

import io.mutua.deals.DealId;
import java.time.Instant;
import java.util.UUID;

/** A closing plan became a mutual action plan; {@code dealOwnerId} is the AE who co-owns it. */
public record PlanConverted(UUID planId, DealId dealId, UUID dealOwnerId, UUID convertedBy, Instant at) {
}
