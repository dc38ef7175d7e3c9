package io.mutua.insights;

import io.mutua.deals.DealId;
import java.time.Instant;
import java.util.UUID;

/** A won deal's onboarding handoff was put together for customer success. */
public record HandoffCreated(UUID handoffId, DealId dealId, Instant at) {
}
