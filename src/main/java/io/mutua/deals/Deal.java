package io.mutua.deals;

import io.mutua.web.ConflictException;
import io.mutua.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A deal: guarded so that a closed deal no longer moves, and so that only the closing stages close it. */
@Table("deal")
class Deal {

    @Id
    private final UUID id;
    private String name;
    private String account;
    private BigDecimal amount;
    private String currency;
    private UUID ownerId;
    private String stageKey;
    private DealStatus status;
    private LocalDate expectedCloseDate;
    private String crmRef;
    private String segment;
    private String closeReason;
    private UUID closeReasonId;
    private String competitor;
    private Instant closedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Deal(UUID id, String name, String account, BigDecimal amount, String currency, UUID ownerId, String stageKey,
            DealStatus status, LocalDate expectedCloseDate, String crmRef, String segment, String closeReason,
            UUID closeReasonId, String competitor, Instant closedAt, Instant createdAt, Instant updatedAt,
            Long version) {
        this.id = id;
        this.name = name;
        this.account = account;
        this.amount = amount;
        this.currency = currency;
        this.ownerId = ownerId;
        this.stageKey = stageKey;
        this.status = status;
        this.expectedCloseDate = expectedCloseDate;
        this.crmRef = crmRef;
        this.segment = segment;
        this.closeReason = closeReason;
        this.closeReasonId = closeReasonId;
        this.competitor = competitor;
        this.closedAt = closedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Deal open(DealDetails details, String stageKey, Instant now) {
        Deal deal = new Deal(UUID.randomUUID(), null, null, null, null, null, stageKey, DealStatus.OPEN, null, null,
                null, null, null, null, null, now, now, null);
        deal.apply(details, now);
        return deal;
    }

    void apply(DealDetails details, Instant now) {
        this.name = details.name();
        this.account = details.account();
        this.amount = details.money() == null ? null : details.money().amount();
        this.currency = details.money() == null ? null : details.money().currencyCode();
        this.ownerId = details.ownerId();
        this.expectedCloseDate = details.expectedCloseDate();
        this.crmRef = details.crmRef();
        this.segment = details.segment();
        this.updatedAt = now;
    }

    /** Moves an open deal to another open stage. */
    void moveTo(StageView stage, Instant now) {
        if (status != DealStatus.OPEN) {
            throw new ConflictException("deals.closedCannotMove");
        }
        if (stage.closing()) {
            throw new InvalidInputException("stage", "deals.useClose");
        }
        this.stageKey = stage.key();
        this.updatedAt = now;
    }

    /** Closes an open deal as won or lost, into the matching closing stage. */
    void close(StageView closingStage, UUID reasonId, String details, String competitor, Instant now) {
        if (status != DealStatus.OPEN) {
            throw new ConflictException("deals.alreadyClosed");
        }
        this.status = closingStage.outcome().status();
        this.stageKey = closingStage.key();
        this.closeReasonId = reasonId;
        this.closeReason = details;
        this.competitor = competitor;
        this.closedAt = now;
        this.updatedAt = now;
    }

    DealDetails details() {
        return new DealDetails(name, account, amount == null ? null : new Money(amount, Currency.getInstance(currency)),
                ownerId, expectedCloseDate, crmRef, segment);
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    String stageKey() {
        return stageKey;
    }

    DealStatus status() {
        return status;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
