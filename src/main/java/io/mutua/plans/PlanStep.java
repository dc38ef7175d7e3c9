package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One step of a plan, edited on its own and guarded by its own version. */
@Table("plan_step")
class PlanStep {

    @Id
    private final UUID id;
    private final UUID planId;
    private UUID milestoneId;
    private int position;
    private final String key;
    private String title;
    private String description;
    private final Side side;
    private final String ownerRole;
    private Visibility visibility;
    private final String stageKey;
    private int durationDays;
    private EstimateSource estimateSource;
    private int estimateSamples;
    private StepStatus status;
    private LocalDate baselineDate;
    private LocalDate targetDate;
    private boolean pinned;
    private Instant startedAt;
    private Instant completedAt;
    @MappedCollection(idColumn = "plan_step", keyColumn = "position")
    private List<StepOwner> owners;
    @MappedCollection(idColumn = "plan_step")
    private Set<StepDependency> dependencies;
    @Version
    private Long version;

    @PersistenceCreator
    PlanStep(UUID id, UUID planId, UUID milestoneId, int position, String key, String title, String description,
            Side side, String ownerRole, Visibility visibility, String stageKey, int durationDays,
            EstimateSource estimateSource, int estimateSamples, StepStatus status, LocalDate baselineDate,
            LocalDate targetDate, boolean pinned, Instant startedAt, Instant completedAt, List<StepOwner> owners,
            Set<StepDependency> dependencies, Long version) {
        this.id = id;
        this.planId = planId;
        this.milestoneId = milestoneId;
        this.position = position;
        this.key = key;
        this.title = title;
        this.description = description;
        this.side = side;
        this.ownerRole = ownerRole;
        this.visibility = visibility;
        this.stageKey = stageKey;
        this.durationDays = durationDays;
        this.estimateSource = estimateSource;
        this.estimateSamples = estimateSamples;
        this.status = status;
        this.baselineDate = baselineDate;
        this.targetDate = targetDate;
        this.pinned = pinned;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
        this.owners = owners == null ? new ArrayList<>() : new ArrayList<>(owners);
        this.dependencies = dependencies == null ? new LinkedHashSet<>() : new LinkedHashSet<>(dependencies);
        this.version = version;
    }

    /** A new step, scheduled on {@code target}: that first date is also its baseline. */
    static PlanStep create(UUID id, UUID planId, UUID milestoneId, int position, String key, String title,
            String description, Side side, String ownerRole, Visibility visibility, String stageKey,
            DurationEstimates.Estimate estimate, LocalDate target, List<StepOwner> owners, Set<UUID> dependsOn) {
        Set<StepDependency> dependencies = new LinkedHashSet<>();
        dependsOn.forEach(dependency -> dependencies.add(new StepDependency(dependency)));
        return new PlanStep(id, planId, milestoneId, position, key, title, description, side,
                ownerRole, visibility, stageKey, estimate.days(), estimate.source(), estimate.samples(),
                StepStatus.NOT_STARTED, target, target, false, null, null, owners, dependencies, null);
    }

    /**
     * Changes the status. Starting records when; finishing as DONE records when, with {@code start} as the start
     * when the step was never marked in progress; leaving DONE forgets the completion.
     */
    void changeStatus(StepStatus to, Instant now, Instant start) {
        if (to == StepStatus.IN_PROGRESS && startedAt == null) {
            startedAt = now;
        }
        if (to == StepStatus.DONE) {
            completedAt = now;
            if (startedAt == null) {
                startedAt = start.isAfter(now) ? now : start;
            }
        } else {
            completedAt = null;
        }
        status = to;
    }

    /** A date set by a person: from now on the date is theirs, not an estimate. */
    void setTarget(LocalDate date) {
        targetDate = date;
        estimateSource = EstimateSource.MANUAL;
        estimateSamples = 0;
    }

    /** A date moved by the slip cascade. */
    void shiftTarget(LocalDate date) {
        targetDate = date;
    }

    void rename(String title) {
        this.title = title;
    }

    void describe(String description) {
        this.description = description;
    }

    void assign(List<StepOwner> owners) {
        this.owners = new ArrayList<>(owners);
    }

    void show(Visibility visibility) {
        this.visibility = visibility;
    }

    void pin(boolean pinned) {
        this.pinned = pinned;
    }

    void placeIn(UUID milestoneId, int position) {
        this.milestoneId = milestoneId;
        this.position = position;
    }

    void dropDependency(UUID dependency) {
        dependencies.removeIf(existing -> existing.dependsOn().equals(dependency));
    }

    Set<UUID> dependsOn() {
        Set<UUID> ids = new LinkedHashSet<>();
        dependencies.forEach(dependency -> ids.add(dependency.dependsOn()));
        return ids;
    }

    boolean overdue(LocalDate today) {
        return !status.finished() && targetDate.isBefore(today);
    }

    UUID id() {
        return id;
    }

    UUID planId() {
        return planId;
    }

    UUID milestoneId() {
        return milestoneId;
    }

    int position() {
        return position;
    }

    String key() {
        return key;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Side side() {
        return side;
    }

    String ownerRole() {
        return ownerRole;
    }

    Visibility visibility() {
        return visibility;
    }

    String stageKey() {
        return stageKey;
    }

    int durationDays() {
        return durationDays;
    }

    EstimateSource estimateSource() {
        return estimateSource;
    }

    int estimateSamples() {
        return estimateSamples;
    }

    StepStatus status() {
        return status;
    }

    LocalDate baselineDate() {
        return baselineDate;
    }

    LocalDate targetDate() {
        return targetDate;
    }

    boolean pinned() {
        return pinned;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    List<StepOwner> owners() {
        return List.copyOf(owners);
    }

    long version() {
        return version == null ? 0 : version;
    }
}
