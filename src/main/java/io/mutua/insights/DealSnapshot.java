package io.mutua.insights;

import io.mutua.deals.DealId;
import io.mutua.deals.Outcome;
import java.time.Instant;
import java.util.UUID;

/** A deal as it stood when it closed; {@code planId} is null when it had no plan. */
public record DealSnapshot(DealId dealId, UUID planId, Outcome outcome, Instant takenAt, SnapshotContent content) {
}
