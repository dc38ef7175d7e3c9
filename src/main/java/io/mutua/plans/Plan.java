package io.mutua.plans;

import io.mutua.web.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The plan of one deal: which playbook version it came from, its status, and whether people edited it. */
@Table("plan")
class Plan {

    @Id
    private final UUID id;
    private final UUID dealId;
    private PlanKind kind;
    private PlanStatus status;
    private UUID playbookId;
    private Integer playbookVersion;
    private boolean edited;
    private Instant generatedAt;
    private Instant updatedAt;
    private String language;
    private Instant convertedAt;
    private UUID convertedBy;
    private String conversionOverride;
    private LocalDate targetSignature;
    private LocalDate targetGoLive;
    private String allowedDomains;
    @Version
    private Long version;

    @PersistenceCreator
    Plan(UUID id, UUID dealId, PlanKind kind, PlanStatus status, UUID playbookId, Integer playbookVersion,
            boolean edited, Instant generatedAt, Instant updatedAt, String language, Instant convertedAt,
            UUID convertedBy, String conversionOverride, LocalDate targetSignature, LocalDate targetGoLive,
            String allowedDomains, Long version) {
        this.id = id;
        this.dealId = dealId;
        this.kind = kind;
        this.status = status;
        this.playbookId = playbookId;
        this.playbookVersion = playbookVersion;
        this.edited = edited;
        this.generatedAt = generatedAt;
        this.updatedAt = updatedAt;
        this.language = language;
        this.convertedAt = convertedAt;
        this.convertedBy = convertedBy;
        this.conversionOverride = conversionOverride;
        this.targetSignature = targetSignature;
        this.targetGoLive = targetGoLive;
        this.allowedDomains = allowedDomains;
        this.version = version;
    }

    /**
     * The closing plan becomes the mutual action plan: the same plan, now shared with the buyer's committee.
     * {@code override} is the reason a manager gave for converting before qualification was complete.
     */
    void convertToMutual(UUID by, String override, String language, Instant now) {
        requireOpen();
        if (kind != PlanKind.CLOSING) {
            throw new ConflictException("plans.alreadyMutual");
        }
        this.kind = PlanKind.MUTUAL;
        this.convertedAt = now;
        this.convertedBy = by;
        this.conversionOverride = override;
        this.language = language;
        // Shared with the buyer, the plan is theirs too: it is never regenerated from a playbook again.
        this.edited = true;
        this.updatedAt = now;
    }

    /** The plan's language for buyers and its key dates and allowed self-join domains. */
    void describe(String language, LocalDate targetSignature, LocalDate targetGoLive, String allowedDomains,
            Instant now) {
        requireOpen();
        this.language = language;
        this.targetSignature = targetSignature;
        this.targetGoLive = targetGoLive;
        this.allowedDomains = allowedDomains;
        this.updatedAt = now;
    }

    boolean mutual() {
        return kind == PlanKind.MUTUAL;
    }

    /** Whether buyers work on this plan: a mutual action plan, or the onboarding plan that follows it. */
    boolean sharedWithBuyers() {
        return kind == PlanKind.MUTUAL || kind == PlanKind.ONBOARDING;
    }

    /** Marks a person's change: from now on the plan is theirs and is never regenerated. */
    void edited(Instant now) {
        requireOpen();
        this.edited = true;
        this.updatedAt = now;
    }

    /** Starts over from another playbook version; only while nobody has edited the plan. */
    void regenerated(UUID playbookId, int playbookVersion, Instant now) {
        requireOpen();
        if (edited) {
            throw new ConflictException("plans.editedCannotRegenerate");
        }
        this.playbookId = playbookId;
        this.playbookVersion = playbookVersion;
        this.generatedAt = now;
        this.updatedAt = now;
    }

    /** Every required signer of both sides signed the shared content as it is: the plan is mutually signed. */
    void markSigned(Instant now) {
        requireOpen();
        if (kind != PlanKind.MUTUAL) {
            throw new ConflictException("plans.notMutual");
        }
        this.status = PlanStatus.SIGNED;
        this.updatedAt = now;
    }

    /** A signed plan whose signatures no longer all hold (the content changed, a signer was added) is active again. */
    void reopenForSigning(Instant now) {
        if (status == PlanStatus.SIGNED) {
            this.status = PlanStatus.ACTIVE;
            this.updatedAt = now;
        }
    }

    void close(Instant now) {
        this.status = PlanStatus.CLOSED;
        this.updatedAt = now;
    }

    void requireOpen() {
        if (status == PlanStatus.CLOSED) {
            throw new ConflictException("plans.closed");
        }
    }

    UUID id() {
        return id;
    }

    UUID dealId() {
        return dealId;
    }

    PlanKind kind() {
        return kind;
    }

    PlanStatus status() {
        return status;
    }

    UUID playbookId() {
        return playbookId;
    }

    Integer playbookVersion() {
        return playbookVersion;
    }

    boolean edited() {
        return edited;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    String language() {
        return language == null ? "en" : language;
    }

    Instant convertedAt() {
        return convertedAt;
    }

    UUID convertedBy() {
        return convertedBy;
    }

    String conversionOverride() {
        return conversionOverride;
    }

    LocalDate targetSignature() {
        return targetSignature;
    }

    LocalDate targetGoLive() {
        return targetGoLive;
    }

    String allowedDomains() {
        return allowedDomains;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
