package io.mutua.deals;

import java.time.Instant;

/** A deal's details (name, amount, owner, expected close date, …) were edited. */
public record DealUpdated(DealId dealId, Instant at) {
}
