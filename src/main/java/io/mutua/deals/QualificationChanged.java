package io.mutua.deals;

import java.time.Instant;

/** A seller assessed a MEDDPICC element of a deal. */
public record QualificationChanged(DealId dealId, MeddpiccElement element, Instant at) {
}
