package io.mutua.plans;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.FrozenPlaybook;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.PlaybookView;
import io.mutua.playbooks.Playbooks;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything sellers do with plans. A plan is seen by whoever sees its deal and changed by whoever may change
 * the deal; every change is in the activity log, and every step is guarded by its own version.
 */
@Service
@Transactional
public class PlanService {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_DAYS = 250;
    static final int MAX_OWNERS = 10;
    static final int ACTIVITY_SHOWN = 100;

    private final PlanRepository plans;
    private final PlanMilestoneRepository milestones;
    private final PlanStepRepository steps;
    private final PlanSteps stepReader;
    private final PlanGenerator generator;
    private final DealService deals;
    private final Playbooks playbooks;
    private final Users users;
    private final Holidays holidays;
    private final ActivityLog activity;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanService(PlanRepository plans, PlanMilestoneRepository milestones, PlanStepRepository steps,
            PlanSteps stepReader, PlanGenerator generator, DealService deals, Playbooks playbooks, Users users, Holidays holidays,
            ActivityLog activity, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.milestones = milestones;
        this.steps = steps;
        this.stepReader = stepReader;
        this.generator = generator;
        this.deals = deals;
        this.playbooks = playbooks;
        this.users = users;
        this.holidays = holidays;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reading ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<PlanView> findForDeal(Viewer viewer, DealId dealId) {
        DealView deal = deals.get(viewer, dealId);
        return plans.findByDeal(dealId.value(), PlanKind.CLOSING.name()).map(plan -> view(load(plan), deal));
    }

    @Transactional(readOnly = true)
    public PlanView get(Viewer viewer, UUID planId) {
        LoadedPlan plan = load(planId);
        return view(plan, deals.get(viewer, new DealId(plan.plan().dealId())));
    }

    @Transactional(readOnly = true)
    public boolean canChange(Viewer viewer, PlanView plan) {
        return plan.status() != PlanStatus.CLOSED && deals.canChange(viewer, deals.get(viewer, plan.dealId()));
    }

    @Transactional(readOnly = true)
    public List<ActivityView> activity(Viewer viewer, UUID planId) {
        LoadedPlan plan = load(planId);
        deals.get(viewer, new DealId(plan.plan().dealId()));
        return activity.recent(planId, ACTIVITY_SHOWN);
    }

    /** The seller users who may own steps of a plan: the active people whose deals the viewer sees. */
    @Transactional(readOnly = true)
    public List<UserSummary> possibleOwners(Viewer viewer) {
        return deals.visibleOwners(viewer).stream().filter(UserSummary::active).toList();
    }

    // --- generating ------------------------------------------------------------------------------------------

    /** "Generate plan" by hand, for a deal that has none. */
    public PlanView generate(Viewer viewer, DealId dealId) {
        DealView deal = changeableDeal(viewer, dealId);
        if (!deal.open()) {
            throw new ConflictException("plans.dealClosed");
        }
        UUID planId = generator.generateIfMissing(dealId, viewer.userId())
                .orElseThrow(() -> new ConflictException("plans.exists"));
        return view(load(planId), deal);
    }

    /** Starts the plan over from the deal's playbook; only while nobody has changed anything in it. */
    public PlanView regenerate(Viewer viewer, UUID planId, long expectedVersion) {
        LoadedPlan loaded = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(loaded.plan().dealId()));
        Plan plan = loaded.plan();
        if (plan.version() != expectedVersion) {
            throw new StaleVersionException("plans.stale", plan.version());
        }
        PlaybookView selected = playbooks.select(deal.amount(), deal.segment())
                .orElseThrow(() -> new ConflictException("plans.noPlaybook"));
        FrozenPlaybook frozen = playbooks.freeze(selected.id());
        Instant now = clock.instant();
        plan.regenerated(frozen.playbookId(), frozen.contentVersion(), now);
        steps.deleteAll(loaded.steps());
        milestones.deleteAll(loaded.milestones());
        generator.createSteps(planId, deals.facts(deal.id()).orElseThrow(), frozen, LocalDate.now(clock));
        savePlan(plan);
        activity.record(planId, null, viewer.userId(), PlanChange.REGENERATED, frozen.name(), null,
                frozen.name() + " v" + frozen.contentVersion(), now);
        return view(load(planId), deal);
    }

    /** Closes the plan of a deal that closed; nothing in it changes afterwards. */
    void closeForDeal(DealId dealId) {
        plans.findByDeal(dealId.value(), PlanKind.CLOSING.name())
                .filter(plan -> plan.status() != PlanStatus.CLOSED)
                .ifPresent(plan -> {
                    plan.close(clock.instant());
                    plans.save(plan);
                    activity.record(plan.id(), null, null, PlanChange.CLOSED, null, null, null, clock.instant());
                });
    }

    // --- steps -----------------------------------------------------------------------------------------------

    /** What a step edit would move, without changing anything. */
    @Transactional(readOnly = true)
    public CascadePreview preview(Viewer viewer, UUID planId, UUID stepId, StepUpdate update) {
        LoadedPlan plan = load(planId);
        deals.get(viewer, new DealId(plan.plan().dealId()));
        PlanStep step = step(plan, stepId);
        BusinessCalendar calendar = holidays.calendar();
        Optional<Cascade> cascade = cascadeOf(plan, step, update, calendar);
        LocalDate end = plannedEnd(plan, calendar);
        if (cascade.isEmpty()) {
            return new CascadePreview(step.id(), step.title(), step.targetDate(), step.targetDate(), List.of(), end,
                    end);
        }
        List<CascadePreview.Move> moves = cascade.get().moved().entrySet().stream()
                .map(entry -> {
                    PlanStep moved = step(plan, entry.getKey());
                    return new CascadePreview.Move(moved.id(), moved.title(), moved.targetDate(), entry.getValue());
                })
                .sorted((a, b) -> a.to().compareTo(b.to()))
                .toList();
        return new CascadePreview(step.id(), step.title(), step.targetDate(), cascade.get().newTarget(), moves,
                cascade.get().oldPlanEnd(), cascade.get().newPlanEnd());
    }

    /**
     * Changes a step. A new target date, or finishing it later than its target, moves the steps that depend on
     * it by as many business days — unless {@code cascade} is false, when only the step itself changes.
     */
    public StepChange updateStep(Viewer viewer, UUID planId, UUID stepId, long expectedVersion, StepUpdate update,
            boolean cascade) {
        LoadedPlan plan = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanStep step = step(plan, stepId);
        if (step.version() != expectedVersion) {
            throw new StaleVersionException("plans.staleStep", step.version());
        }
        BusinessCalendar calendar = holidays.calendar();
        Optional<Cascade> moves = cascade ? cascadeOf(plan, step, update, calendar) : Optional.empty();
        Instant now = clock.instant();
        UUID actor = viewer.userId();

        if (update.title() != null && !update.title().trim().equals(step.title())) {
            String title = requireText("title", update.title(), MAX_TITLE);
            activity.record(planId, stepId, actor, PlanChange.TITLE, step.title(), step.title(), title, now);
            step.rename(title);
        }
        if (update.description() != null && !update.description().equals(Objects.toString(step.description(), ""))) {
            if (update.description().length() > MAX_DESCRIPTION) {
                throw new InvalidInputException("description", "validation.maxLength", MAX_DESCRIPTION);
            }
            activity.record(planId, stepId, actor, PlanChange.DESCRIPTION, step.title(), null, null, now);
            step.describe(update.description().isBlank() ? null : update.description());
        }
        if (update.owners() != null) {
            List<StepOwner> owners = owners(update.owners());
            if (!owners.equals(step.owners())) {
                activity.record(planId, stepId, actor, PlanChange.OWNERS, step.title(), ownerNames(step.owners()),
                        ownerNames(owners), now);
                step.assign(owners);
            }
        }
        if (update.pinned() != null && update.pinned() != step.pinned()) {
            activity.record(planId, stepId, actor, PlanChange.PINNED, step.title(), step.pinned(), update.pinned(),
                    now);
            step.pin(update.pinned());
        }
        if (update.status() != null && update.status() != step.status()) {
            activity.record(planId, stepId, actor, PlanChange.STATUS, step.title(), step.status(), update.status(),
                    now);
            LocalDate start = calendar.plusBusinessDays(calendar.onOrAfter(step.targetDate()),
                    -(step.durationDays() - 1));
            step.changeStatus(update.status(), now, start.atStartOfDay(zone()).toInstant());
        }
        if (update.targetDate() != null) {
            LocalDate target = calendar.onOrAfter(checkDate(update.targetDate()));
            if (!target.equals(step.targetDate())) {
                activity.record(planId, stepId, actor, PlanChange.TARGET_DATE, step.title(), step.targetDate(),
                        target, now);
                step.setTarget(target);
            }
        }
        List<PlanStep> moved = new ArrayList<>();
        moves.ifPresent(cascadeResult -> cascadeResult.moved().forEach((id, date) -> {
            PlanStep dependent = step(plan, id);
            activity.record(planId, id, actor, PlanChange.MOVED_BY_CASCADE, dependent.title(),
                    dependent.targetDate(), date, now);
            dependent.shiftTarget(date);
            moved.add(dependent);
        }));
        save(step);
        moved.forEach(this::save);
        markEdited(planId, now);
        PlanView view = view(load(planId), deal);
        Set<UUID> movedIds = moved.stream().map(PlanStep::id).collect(Collectors.toSet());
        StepView saved = view.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().orElseThrow();
        return new StepChange(saved, view.steps().stream().filter(s -> movedIds.contains(s.id())).toList(), view);
    }

    public StepView addStep(Viewer viewer, UUID planId, NewStep request) {
        LoadedPlan plan = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanMilestone milestone = plan.milestone(request.milestoneId())
                .orElseThrow(() -> new InvalidInputException("milestoneId", "plans.milestoneNotFound"));
        String title = requireText("title", request.title(), MAX_TITLE);
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "validation.maxLength", MAX_DESCRIPTION);
        }
        if (request.side() == null) {
            throw new InvalidInputException("side", "validation.required");
        }
        Visibility visibility = request.visibility() == null ? Visibility.SHARED : request.visibility();
        if (request.side() == Side.BUYER && visibility == Visibility.INTERNAL) {
            throw new InvalidInputException("visibility", "playbooks.buyerStepsShared");
        }
        if (request.durationDays() < 1 || request.durationDays() > MAX_DAYS) {
            throw new InvalidInputException("durationDays", "playbooks.days", MAX_DAYS);
        }
        Set<UUID> dependsOn = new LinkedHashSet<>(request.dependsOn() == null ? List.of() : request.dependsOn());
        for (UUID dependency : dependsOn) {
            if (plan.step(dependency).isEmpty()) {
                throw new InvalidInputException("dependsOn", "plans.unknownDependency");
            }
        }
        BusinessCalendar calendar = holidays.calendar();
        LocalDate target = request.targetDate() != null
                ? calendar.onOrAfter(checkDate(request.targetDate()))
                : scheduledTarget(plan, dependsOn, request.durationDays(), calendar);
        List<StepOwner> owners = request.owners() == null || request.owners().isEmpty()
                ? List.of(StepOwner.user(viewer.userId()))
                : owners(request.owners());
        PlanStep step = PlanStep.create(UUID.randomUUID(), planId, milestone.id(), plan.stepsOf(milestone.id()).size(),
                null, title, blankToNull(request.description()), request.side(), null, visibility, null,
                new DurationEstimates.Estimate(request.durationDays(), EstimateSource.MANUAL, 0), target, owners,
                dependsOn);
        steps.save(step);
        Instant now = clock.instant();
        activity.record(planId, step.id(), viewer.userId(), PlanChange.STEP_ADDED, title, null, target, now);
        markEdited(planId, now);
        return view(load(planId), deal).steps().stream().filter(s -> s.id().equals(step.id())).findFirst()
                .orElseThrow();
    }

    /** Removes a step; steps that depended on it no longer do. */
    public void deleteStep(Viewer viewer, UUID planId, UUID stepId, long expectedVersion) {
        LoadedPlan plan = load(planId);
        changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanStep step = step(plan, stepId);
        if (step.version() != expectedVersion) {
            throw new StaleVersionException("plans.staleStep", step.version());
        }
        for (PlanStep dependent : plan.steps()) {
            if (dependent.dependsOn().contains(stepId)) {
                dependent.dropDependency(stepId);
                save(dependent);
            }
        }
        steps.delete(step);
        List<PlanStep> rest = new ArrayList<>(plan.stepsOf(step.milestoneId()));
        rest.removeIf(other -> other.id().equals(stepId));
        renumber(rest, step.milestoneId());
        Instant now = clock.instant();
        activity.record(planId, stepId, viewer.userId(), PlanChange.STEP_DELETED, step.title(), null, null, now);
        markEdited(planId, now);
    }

    /** Moves a step one place up ({@code -1}) or down ({@code +1}); past its milestone's edge into the next one. */
    public void moveStep(Viewer viewer, UUID planId, UUID stepId, int direction) {
        LoadedPlan plan = load(planId);
        changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanStep step = step(plan, stepId);
        List<PlanStep> siblings = new ArrayList<>(plan.stepsOf(step.milestoneId()));
        int from = siblings.indexOf(step);
        int to = from + Integer.signum(direction);
        if (to >= 0 && to < siblings.size()) {
            siblings.add(to, siblings.remove(from));
            renumber(siblings, step.milestoneId());
        } else {
            int milestoneIndex = plan.milestones().indexOf(plan.milestone(step.milestoneId()).orElseThrow());
            int target = milestoneIndex + Integer.signum(direction);
            if (target < 0 || target >= plan.milestones().size()) {
                return;
            }
            UUID targetId = plan.milestones().get(target).id();
            siblings.remove(step);
            renumber(siblings, step.milestoneId());
            List<PlanStep> others = new ArrayList<>(plan.stepsOf(targetId));
            others.add(direction < 0 ? others.size() : 0, step);
            renumber(others, targetId);
        }
        Instant now = clock.instant();
        activity.record(planId, stepId, viewer.userId(), PlanChange.STEP_REORDERED, step.title(), null, null, now);
        markEdited(planId, now);
    }

    // --- milestones ------------------------------------------------------------------------------------------

    public MilestoneView addMilestone(Viewer viewer, UUID planId, String title) {
        LoadedPlan plan = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanMilestone milestone = milestones.save(PlanMilestone.create(planId, plan.milestones().size(),
                requireText("title", title, MAX_TITLE)));
        Instant now = clock.instant();
        activity.record(planId, null, viewer.userId(), PlanChange.MILESTONE_ADDED, milestone.title(), null, null,
                now);
        markEdited(planId, now);
        return view(load(planId), deal).milestones().stream().filter(m -> m.id().equals(milestone.id()))
                .findFirst().orElseThrow();
    }

    public void renameMilestone(Viewer viewer, UUID planId, UUID milestoneId, String title, long expectedVersion) {
        LoadedPlan plan = load(planId);
        changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanMilestone milestone = plan.milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("plans.milestoneNotFound"));
        if (milestone.version() != expectedVersion) {
            throw new StaleVersionException("error.stale", milestone.version());
        }
        String newTitle = requireText("title", title, MAX_TITLE);
        Instant now = clock.instant();
        activity.record(planId, null, viewer.userId(), PlanChange.MILESTONE_RENAMED, newTitle, milestone.title(),
                newTitle, now);
        milestone.rename(newTitle);
        saveMilestone(milestone);
        markEdited(planId, now);
    }

    public void moveMilestone(Viewer viewer, UUID planId, UUID milestoneId, int direction) {
        LoadedPlan plan = load(planId);
        changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        List<PlanMilestone> ordered = new ArrayList<>(plan.milestones());
        PlanMilestone milestone = plan.milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("plans.milestoneNotFound"));
        int from = ordered.indexOf(milestone);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= ordered.size()) {
            return;
        }
        ordered.add(to, ordered.remove(from));
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position() != i) {
                ordered.get(i).moveTo(i);
                saveMilestone(ordered.get(i));
            }
        }
        Instant now = clock.instant();
        activity.record(planId, null, viewer.userId(), PlanChange.MILESTONE_REORDERED, milestone.title(), null, null,
                now);
        markEdited(planId, now);
    }

    /** Removes a milestone with its steps. */
    public void deleteMilestone(Viewer viewer, UUID planId, UUID milestoneId, long expectedVersion) {
        LoadedPlan plan = load(planId);
        changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        PlanMilestone milestone = plan.milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("plans.milestoneNotFound"));
        if (milestone.version() != expectedVersion) {
            throw new StaleVersionException("error.stale", milestone.version());
        }
        Set<UUID> removed = plan.stepsOf(milestoneId).stream().map(PlanStep::id).collect(Collectors.toSet());
        for (PlanStep other : plan.steps()) {
            if (!removed.contains(other.id()) && other.dependsOn().stream().anyMatch(removed::contains)) {
                removed.forEach(other::dropDependency);
                save(other);
            }
        }
        steps.deleteAllById(removed);
        milestones.delete(milestone);
        Instant now = clock.instant();
        activity.record(planId, null, viewer.userId(), PlanChange.MILESTONE_DELETED, milestone.title(), null, null,
                now);
        markEdited(planId, now);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Optional<Cascade> cascadeOf(LoadedPlan plan, PlanStep step, StepUpdate update,
            BusinessCalendar calendar) {
        ZoneId zone = zone();
        List<ScheduleItem> items = plan.items(zone);
        Map<UUID, LocalDate> targets = plan.targets(zone);
        Set<UUID> pinned = plan.pinned();
        Set<UUID> finished = new HashSet<>(plan.finished());
        if (update.targetDate() != null) {
            LocalDate target = calendar.onOrAfter(checkDate(update.targetDate()));
            if (!target.equals(step.targetDate())) {
                targets.put(step.id(), calendar.onOrAfter(step.targetDate()));
                return Optional.of(Scheduler.cascade(items, targets, step.id(), target, pinned, finished, calendar));
            }
        }
        if (update.status() == StepStatus.DONE && step.status() != StepStatus.DONE) {
            LocalDate today = LocalDate.now(clock);
            targets.put(step.id(), calendar.onOrAfter(step.targetDate()));
            Cascade late = Scheduler.completion(items, targets, step.id(), today, pinned, finished, calendar);
            return late.movedSteps() > 0 ? Optional.of(late) : Optional.empty();
        }
        return Optional.empty();
    }

    private LocalDate scheduledTarget(LoadedPlan plan, Set<UUID> dependsOn, int durationDays,
            BusinessCalendar calendar) {
        Map<UUID, LocalDate> targets = plan.targets(zone());
        LocalDate start = calendar.onOrAfter(LocalDate.now(clock));
        for (UUID dependency : dependsOn) {
            LocalDate next = calendar.plusBusinessDays(calendar.onOrAfter(targets.get(dependency)), 1);
            if (next.isAfter(start)) {
                start = next;
            }
        }
        return calendar.plusBusinessDays(start, durationDays - 1);
    }

    private LocalDate plannedEnd(LoadedPlan plan, BusinessCalendar calendar) {
        return plan.steps().isEmpty() ? null : plan.schedule(calendar, zone()).planEnd();
    }

    PlanView view(LoadedPlan loaded, DealView deal) {
        BusinessCalendar calendar = holidays.calendar();
        ZoneId zone = zone();
        LocalDate today = LocalDate.now(clock);
        Schedule schedule = loaded.schedule(calendar, zone);
        Slack slack = deal.expectedCloseDate() == null || loaded.steps().isEmpty() ? null
                : Scheduler.backward(loaded.items(zone), schedule, deal.expectedCloseDate(), calendar);
        Map<UUID, UserSummary> people = users.byIds(loaded.steps().stream()
                .flatMap(step -> step.owners().stream()).map(StepOwner::userId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<MilestoneView> milestoneViews = loaded.milestones().stream()
                .map(milestone -> new MilestoneView(milestone.id(), milestone.title(), milestone.position(),
                        loaded.stepsOf(milestone.id()).stream()
                                .map(step -> stepView(step, schedule, slack, people, today))
                                .toList(),
                        milestone.version()))
                .toList();
        String playbookName = loaded.plan().playbookId() == null ? null
                : playbooks.nameOf(loaded.plan().playbookId()).orElse(null);
        Plan plan = loaded.plan();
        return new PlanView(plan.id(), new DealId(plan.dealId()), deal.name(), plan.kind(), plan.status(),
                plan.edited(), playbookName, plan.playbookVersion(), plan.generatedAt(), deal.expectedCloseDate(),
                schedule.planEnd(), slack == null || slack.feasible(), slack == null ? 0 : slack.businessDaysOver(),
                milestoneViews, plan.version());
    }

    private StepView stepView(PlanStep step, Schedule schedule, Slack slack, Map<UUID, UserSummary> people,
            LocalDate today) {
        List<OwnerView> owners = step.owners().stream().map(owner -> {
            UserSummary person = owner.userId() == null ? null : people.get(owner.userId());
            return new OwnerView(owner.userId(), person == null ? null : person.name(),
                    person == null ? null : person.email(), owner.role());
        }).toList();
        return new StepView(step.id(), step.milestoneId(), step.position(), step.key(), step.title(),
                step.description(), step.side(), step.ownerRole(), step.visibility(), step.stageKey(),
                step.durationDays(), step.estimateSource(), step.estimateSamples(), step.status(),
                step.baselineDate(), schedule.starts().get(step.id()), step.targetDate(), step.pinned(),
                step.startedAt(), step.completedAt(), owners, List.copyOf(step.dependsOn()),
                slack == null ? null : slack.of(step.id()), step.overdue(today), step.version());
    }

    private List<StepOwner> owners(Collection<OwnerRef> refs) {
        if (refs.size() > MAX_OWNERS) {
            throw new InvalidInputException("owners", "plans.tooManyOwners", MAX_OWNERS);
        }
        List<StepOwner> owners = new ArrayList<>();
        for (OwnerRef ref : refs) {
            if ((ref.userId() == null) == (ref.role() == null)) {
                throw new InvalidInputException("owners", "plans.badOwner");
            }
            if (ref.userId() != null) {
                users.find(ref.userId()).filter(UserSummary::active)
                        .orElseThrow(() -> new InvalidInputException("owners", "plans.unknownOwner"));
                owners.add(StepOwner.user(ref.userId()));
            } else {
                try {
                    owners.add(StepOwner.role(OwnerRole.valueOf(ref.role()).name()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("owners", "plans.badOwner");
                }
            }
        }
        if (owners.isEmpty()) {
            throw new InvalidInputException("owners", "plans.noOwner");
        }
        if (new HashSet<>(owners).size() != owners.size()) {
            throw new InvalidInputException("owners", "plans.duplicateOwner");
        }
        return owners;
    }

    private String ownerNames(List<StepOwner> owners) {
        Map<UUID, UserSummary> people = users.byIds(owners.stream().map(StepOwner::userId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return owners.stream()
                .map(owner -> owner.userId() == null ? owner.role()
                        : people.containsKey(owner.userId()) ? people.get(owner.userId()).name() : "?")
                .collect(Collectors.joining(", "));
    }

    private void renumber(List<PlanStep> ordered, UUID milestoneId) {
        for (int i = 0; i < ordered.size(); i++) {
            PlanStep step = ordered.get(i);
            if (step.position() != i || !step.milestoneId().equals(milestoneId)) {
                step.placeIn(milestoneId, i);
                save(step);
            }
        }
    }

    private DealView changeableDeal(Viewer viewer, DealId dealId) {
        DealView deal = deals.get(viewer, dealId);
        if (!deals.canChange(viewer, deal)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        return deal;
    }

    private LoadedPlan load(UUID planId) {
        return load(plans.findById(planId).orElseThrow(() -> new NotFoundException("plans.notFound")));
    }

    private LoadedPlan load(Plan plan) {
        return new LoadedPlan(plan, milestones.findByPlan(plan.id()), stepReader.of(plan.id()));
    }

    private static PlanStep step(LoadedPlan plan, UUID stepId) {
        return plan.step(stepId).orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
    }

    /** A person's change: the plan is theirs from now on. Not a version bump, so edits of different steps never clash. */
    private void markEdited(UUID planId, Instant now) {
        jdbc.sql("update plan set edited = true, updated_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", planId)
                .update();
    }

    private void save(PlanStep step) {
        try {
            steps.save(step);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("plans.staleStep", steps.findById(step.id()).map(PlanStep::version)
                    .orElse(0L));
        }
    }

    private void saveMilestone(PlanMilestone milestone) {
        try {
            milestones.save(milestone);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", milestone.version());
        }
    }

    private void savePlan(Plan plan) {
        try {
            plans.save(plan);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("plans.stale", plan.version());
        }
    }

    private static LocalDate checkDate(LocalDate date) {
        if (date.getYear() < 1900 || date.getYear() > 9999) {
            throw new InvalidInputException("targetDate", "validation.dateRange");
        }
        return date;
    }

    private static String requireText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "validation.maxLength", max);
        }
        return trimmed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
