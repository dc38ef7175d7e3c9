package io.mutua.plans;

import io.mutua.web.ConflictException;
import java.time.Instant;
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
    private final PlanKind kind;
    private PlanStatus status;
    private UUID playbookId;
    private Integer playbookVersion;
    private boolean edited;
    private Instant generatedAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Plan(UUID id, UUID dealId, PlanKind kind, PlanStatus status, UUID playbookId, Integer playbookVersion,
            boolean edited, Instant generatedAt, Instant updatedAt, Long version) {
        this.id = id;
        this.dealId = dealId;
        this.kind = kind;
        this.status = status;
        this.playbookId = playbookId;
        this.playbookVersion = playbookVersion;
        this.edited = edited;
        this.generatedAt = generatedAt;
        this.updatedAt = updatedAt;
        this.version = version;
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

    long version() {
        return version == null ? 0 : version;
    }
}
