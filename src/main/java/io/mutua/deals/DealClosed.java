package io.mutua.deals;

import java.time.Instant;

/** A deal was closed as won or lost. */
public record DealClosed(DealId dealId, Outcome outcome, String reason, Instant at) {
}
