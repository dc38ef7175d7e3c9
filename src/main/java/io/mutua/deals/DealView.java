package io.mutua.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal as a seller sees it, with its owner and stage resolved. A closed deal has its listed reason
 * ({@code closeReasonLabel}), the free-text details ({@code closeReason}) and the competitor, each possibly null.
 */
public record DealView(DealId id, String name, String account, BigDecimal amount, String currency, UUID ownerId,
        String ownerEmail, String ownerName, String stageKey, String stageName, DealStatus status,
        LocalDate expectedCloseDate, String crmRef, String segment, String closeReason, Instant closedAt,
        Instant createdAt, Instant updatedAt, long version, UUID closeReasonId, String closeReasonLabel,
        String competitor) {

    public boolean open() {
        return status == DealStatus.OPEN;
    }
}
