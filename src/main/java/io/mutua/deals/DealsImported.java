package io.mutua.deals;

import java.time.Instant;
import java.util.Set;

/** Deals were created or changed by a CRM history import: their stage history may have changed too. */
public record DealsImported(Set<DealId> deals, Instant at) {

    public DealsImported {
        deals = Set.copyOf(deals);
    }
}
