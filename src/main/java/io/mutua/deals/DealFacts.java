package io.mutua.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What other modules need to know about a deal to plan for it, read without a viewer (system work). */
public record DealFacts(DealId id, String name, String account, BigDecimal amount, String currency, String segment,
        UUID ownerId, String stageKey, DealStatus status, LocalDate expectedCloseDate, Instant closedAt) {

    public boolean open() {
        return status == DealStatus.OPEN;
    }
}
