package io.mutua.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deal as a seller sees it, with its owner and stage resolved. */
public record DealView(DealId id, String name, String account, BigDecimal amount, String currency, UUID ownerId,
        String ownerEmail, String ownerName, String stageKey, String stageName, DealStatus status,
        LocalDate expectedCloseDate, String crmRef, String segment, String closeReason, Instant closedAt, Instant createdAt,
        Instant updatedAt, long version) {

    public boolean open() {
        return status == DealStatus.OPEN;
    }
}
