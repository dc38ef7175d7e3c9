package io.mutua.plans;

import io.mutua.deals.DealFacts;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Qualification;
import io.mutua.identity.Role;
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
import io.mutua.web.Languages;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything sellers do with plans. A plan is seen by whoever sees its deal and changed by whoever may change
 * the deal; every change is in the activity log, and every step is guarded by its own version. The edits are
 * shared with {@link BuyerPlans}, which lets buyers work on the shared part of mutual action plans.
 */
@Service
@Transactional
public class PlanService {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_DAYS = 250;
    static final int MAX_OWNERS = 10;
    static final int MAX_OVERRIDE = 500;
    static final int MAX_DOMAINS = 500;
    static final int ACTIVITY_SHOWN = 100;

    private final PlanRepository plans;
    private final PlanMilestoneRepository milestones;
    private final PlanStepRepository steps;
    private final PlanSteps stepReader;
    private final PlanSections sections;
    private final PlanGenerator generator;
    private final DealService deals;
    private final Qualification qualification;
    private final Playbooks playbooks;
    private final Users users;
    private final ParticipantDirectory participants;
    private final Holidays holidays;
    private final ActivityLog activity;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanService(PlanRepository plans, PlanMilestoneRepository milestones, PlanStepRepository steps,
            PlanSteps stepReader, PlanSections sections, PlanGenerator generator, DealService deals,
            Qualification qualification, Playbooks playbooks, Users users, ParticipantDirectory participants,
            Holidays holidays, ActivityLog activity, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.milestones = milestones;
        this.steps = steps;
        this.stepReader = stepReader;
        this.sections = sections;
        this.generator = generator;
        this.deals = deals;
        this.qualification = qualification;
        this.playbooks = playbooks;
        this.users = users;
        this.participants = participants;
        this.holidays = holidays;
        this.activity = activity;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A change in the making: the whole plan, who changes it, and what the change is shown against. */
    record Edit(LoadedPlan plan, Actor actor, DealInfo deal) {

        UUID planId() {
            return plan.plan().id();
        }

        Audience audience() {
            return actor.audience();
        }
    }

    /** What a plan view shows of its deal; buyers see the account, never the deal's internal name or forecast. */
    record DealInfo(String name, LocalDate expectedClose) {

        static DealInfo forSellers(DealView deal) {
            return new DealInfo(deal.name(), deal.expectedCloseDate());
        }

        static DealInfo forBuyers(DealFacts deal, Plan plan) {
            return new DealInfo(deal.account(), plan.targetSignature());
        }
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The deal's sales plan: its closing plan, or the mutual action plan it became. */
    @Transactional(readOnly = true)
    public Optional<PlanView> findForDeal(Viewer viewer, DealId dealId) {
        DealView deal = deals.get(viewer, dealId);
        return plans.findSalesPlan(dealId.value())
                .map(plan -> view(load(plan), DealInfo.forSellers(deal), Audience.SELLER));
    }

    @Transactional(readOnly = true)
    public PlanView get(Viewer viewer, UUID planId) {
        LoadedPlan plan = load(planId);
        return view(plan, DealInfo.forSellers(deals.get(viewer, new DealId(plan.plan().dealId()))),
                Audience.SELLER);
    }

    @Transactional(readOnly = true)
    public boolean canChange(Viewer viewer, PlanView plan) {
        return plan.status() != PlanStatus.CLOSED && deals.canChange(viewer, deals.get(viewer, plan.dealId()));
    }

    @Transactional(readOnly = true)
    public List<ActivityView> activity(Viewer viewer, UUID planId) {
        LoadedPlan plan = load(planId);
        deals.get(viewer, new DealId(plan.plan().dealId()));
        return activity.recent(planId, ACTIVITY_SHOWN, Audience.SELLER);
    }

    /** What others changed in a plan since {@code since}, for the "since your last visit" panel. */
    @Transactional(readOnly = true)
    public List<ActivityView> changesSince(Viewer viewer, UUID planId, Instant since) {
        LoadedPlan plan = load(planId);
        deals.get(viewer, new DealId(plan.plan().dealId()));
        return activity.since(planId, since, viewer.userId(), null, Audience.SELLER, ACTIVITY_SHOWN);
    }

    /** The seller users who may own steps of a plan: the active people whose deals the viewer sees. */
    @Transactional(readOnly = true)
    public List<UserSummary> possibleOwners(Viewer viewer) {
        return deals.visibleOwners(viewer).stream().filter(UserSummary::active).toList();
    }

    /** The id of the deal a plan belongs to, for system work (no access check). */
    @Transactional(readOnly = true)
    public Optional<DealId> dealOf(UUID planId) {
        return plans.findById(planId).map(plan -> new DealId(plan.dealId()));
    }

    // --- generating and converting ---------------------------------------------------------------------------

    /** "Generate plan" by hand, for a deal that has none. */
    public PlanView generate(Viewer viewer, DealId dealId) {
        DealView deal = changeableDeal(viewer, dealId);
        if (!deal.open()) {
            throw new ConflictException("plans.dealClosed");
        }
        UUID planId = generator.generateIfMissing(dealId, viewer.userId())
                .orElseThrow(() -> new ConflictException("plans.exists"));
        return view(load(planId), DealInfo.forSellers(deal), Audience.SELLER);
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
        activity.record(planId, null, Actor.seller(viewer.userId()), PlanChange.REGENERATED, frozen.name(), null,
                frozen.name() + " v" + frozen.contentVersion(), now, false);
        return view(load(planId), DealInfo.forSellers(deal), Audience.SELLER);
    }

    /**
     * Turns the closing plan into a mutual action plan once the deal is qualified: the required MEDDPICC
     * elements are confirmed, or a manager overrides with a reason, which is recorded.
     */
    public PlanView convert(Viewer viewer, UUID planId, String overrideReason, long expectedVersion) {
        LoadedPlan loaded = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(loaded.plan().dealId()));
        Plan plan = loaded.plan();
        if (plan.version() != expectedVersion) {
            throw new StaleVersionException("plans.stale", plan.version());
        }
        List<MeddpiccElement> missing = qualification.missingForConversion(deal.id());
        String override = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        if (!missing.isEmpty()) {
            if (override == null) {
                throw new QualificationMissingException(missing, "plans.qualificationMissing", missing.size());
            }
            if (!viewer.is(Role.MANAGER) && !viewer.is(Role.ADMIN)) {
                throw new ForbiddenException("plans.onlyManagersOverride");
            }
            if (override.length() > MAX_OVERRIDE) {
                throw new InvalidInputException("overrideReason", "validation.maxLength", MAX_OVERRIDE);
            }
        } else {
            override = null;
        }
        Instant now = clock.instant();
        String language = users.find(deal.ownerId()).flatMap(owner -> users.preferredLocale(owner.email()))
                .map(Locale::getLanguage).orElse("en");
        plan.convertToMutual(viewer.userId(), override, language, now);
        savePlan(plan);
        activity.record(planId, null, Actor.seller(viewer.userId()), PlanChange.CONVERTED, deal.name(),
                missing.isEmpty() ? null : missing.stream().map(MeddpiccElement::key).collect(Collectors.joining(", ")),
                override, now, true);
        events.publishEvent(new PlanConverted(planId, new DealId(plan.dealId()), deal.ownerId(), viewer.userId(),
                now));
        return view(load(planId), DealInfo.forSellers(deal), Audience.SELLER);
    }

    /** Sets the plan's language for buyers, its key dates and the email domains that may join by themselves. */
    public PlanView describe(Viewer viewer, UUID planId, PlanDetails details, long expectedVersion) {
        LoadedPlan loaded = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(loaded.plan().dealId()));
        Plan plan = loaded.plan();
        if (plan.version() != expectedVersion) {
            throw new StaleVersionException("plans.stale", plan.version());
        }
        String language = Languages.supported(details.language())
                .orElseThrow(() -> new InvalidInputException("language", "plans.unknownLanguage")).getLanguage();
        String domains = normalizeDomains(details.allowedDomains());
        Instant now = clock.instant();
        activity.record(planId, null, Actor.seller(viewer.userId()), PlanChange.DETAILS, null, null, null, now,
                false);
        plan.describe(language, checkOptionalDate("targetSignature", details.targetSignature()),
                checkOptionalDate("targetGoLive", details.targetGoLive()), domains, now);
        savePlan(plan);
        markEdited(planId, now);
        return view(load(planId), DealInfo.forSellers(deal), Audience.SELLER);
    }

    /** Writes one buyer-facing section of a mutual action plan. */
    public void writeSection(Viewer viewer, UUID planId, SectionKey key, String content, long expectedVersion) {
        Edit edit = sellerEdit(viewer, planId);
        writeSection(edit, key, content, expectedVersion);
    }

    void writeSection(Edit edit, SectionKey key, String content, long expectedVersion) {
        if (!edit.plan().plan().mutual()) {
            throw new ConflictException("plans.notMutual");
        }
        Instant now = clock.instant();
        String before = sections.write(edit.planId(), key, content, expectedVersion, now);
        activity.record(edit.planId(), null, edit.actor(), PlanChange.SECTION, key.name(), before.isBlank() ? null
                : before, null, now, false);
        markEdited(edit.planId(), now);
    }

    /** Closes the plan of a deal that closed; nothing in it changes afterwards. */
    void closeForDeal(DealId dealId) {
        plans.findSalesPlan(dealId.value())
                .filter(plan -> plan.status() != PlanStatus.CLOSED)
                .ifPresent(plan -> {
                    plan.close(clock.instant());
                    plans.save(plan);
                    activity.record(plan.id(), null, Actor.system(), PlanChange.CLOSED, null, null, null,
                            clock.instant(), false);
                });
    }

    // --- steps -----------------------------------------------------------------------------------------------

    /** What a step edit would move, without changing anything. */
    @Transactional(readOnly = true)
    public CascadePreview preview(Viewer viewer, UUID planId, UUID stepId, StepUpdate update) {
        LoadedPlan plan = load(planId);
        deals.get(viewer, new DealId(plan.plan().dealId()));
        return preview(new Edit(plan, Actor.seller(viewer.userId()), null), stepId, update);
    }

    CascadePreview preview(Edit edit, UUID stepId, StepUpdate update) {
        LoadedPlan plan = edit.plan();
        PlanStep step = visibleStep(edit, stepId);
        BusinessCalendar calendar = holidays.calendar();
        Optional<Cascade> cascade = cascadeOf(plan, step, update, calendar);
        LocalDate end = plannedEnd(plan, edit.audience(), calendar);
        if (cascade.isEmpty()) {
            return new CascadePreview(step.id(), step.title(), step.targetDate(), step.targetDate(), List.of(), end,
                    end);
        }
        List<CascadePreview.Move> moves = cascade.get().moved().entrySet().stream()
                .map(entry -> Map.entry(step(plan, entry.getKey()), entry.getValue()))
                .filter(entry -> visible(edit.audience(), entry.getKey()))
                .map(entry -> new CascadePreview.Move(entry.getKey().id(), entry.getKey().title(),
                        entry.getKey().targetDate(), entry.getValue()))
                .sorted((a, b) -> a.to().compareTo(b.to()))
                .toList();
        LocalDate oldEnd = edit.actor().isBuyer() ? end : cascade.get().oldPlanEnd();
        LocalDate newEnd = edit.actor().isBuyer()
                ? latest(end, moves.stream().map(CascadePreview.Move::to).toList(), cascade.get().newTarget())
                : cascade.get().newPlanEnd();
        return new CascadePreview(step.id(), step.title(), step.targetDate(), cascade.get().newTarget(), moves,
                oldEnd, newEnd);
    }

    /**
     * Changes a step. A new target date, or finishing it later than its target, moves the steps that depend on
     * it by as many business days — unless {@code cascade} is false, when only the step itself changes.
     */
    public StepChange updateStep(Viewer viewer, UUID planId, UUID stepId, long expectedVersion, StepUpdate update,
            boolean cascade) {
        return updateStep(sellerEdit(viewer, planId), stepId, expectedVersion, update, cascade);
    }

    StepChange updateStep(Edit edit, UUID stepId, long expectedVersion, StepUpdate update, boolean cascade) {
        LoadedPlan plan = edit.plan();
        UUID planId = edit.planId();
        PlanStep step = visibleStep(edit, stepId);
        if (step.version() != expectedVersion) {
            throw new StaleVersionException("plans.staleStep", step.version());
        }
        if (edit.actor().isBuyer() && (update.pinned() != null || update.visibility() != null)) {
            throw new ForbiddenException("plans.buyersMayNot");
        }
        BusinessCalendar calendar = holidays.calendar();
        Optional<Cascade> moves = cascade ? cascadeOf(plan, step, update, calendar) : Optional.empty();
        Instant now = clock.instant();
        Actor actor = edit.actor();
        boolean internal = step.visibility() == Visibility.INTERNAL;

        if (update.title() != null && !update.title().trim().equals(step.title())) {
            String title = requireText("title", update.title(), MAX_TITLE);
            activity.record(planId, stepId, actor, PlanChange.TITLE, step.title(), step.title(), title, now, internal);
            step.rename(title);
        }
        if (update.description() != null && !update.description().equals(Objects.toString(step.description(), ""))) {
            if (update.description().length() > MAX_DESCRIPTION) {
                throw new InvalidInputException("description", "validation.maxLength", MAX_DESCRIPTION);
            }
            activity.record(planId, stepId, actor, PlanChange.DESCRIPTION, step.title(), null, null, now, internal);
            step.describe(update.description().isBlank() ? null : update.description());
        }
        if (update.owners() != null) {
            List<StepOwner> owners = owners(planId, update.owners());
            if (!owners.equals(step.owners())) {
                activity.record(planId, stepId, actor, PlanChange.OWNERS, step.title(), ownerNames(step.owners()),
                        ownerNames(owners), now, internal);
                step.assign(owners);
            }
        }
        if (update.pinned() != null && update.pinned() != step.pinned()) {
            activity.record(planId, stepId, actor, PlanChange.PINNED, step.title(), step.pinned(), update.pinned(),
                    now, internal);
            step.pin(update.pinned());
        }
        if (update.visibility() != null && update.visibility() != step.visibility()) {
            if (step.side() == Side.BUYER && update.visibility() == Visibility.INTERNAL) {
                throw new InvalidInputException("visibility", "playbooks.buyerStepsShared");
            }
            activity.record(planId, stepId, actor, PlanChange.VISIBILITY, step.title(), step.visibility(),
                    update.visibility(), now, true);
            step.show(update.visibility());
            internal = step.visibility() == Visibility.INTERNAL;
        }
        if (update.status() != null && update.status() != step.status()) {
            activity.record(planId, stepId, actor, PlanChange.STATUS, step.title(), step.status(), update.status(),
                    now, internal);
            LocalDate start = calendar.plusBusinessDays(calendar.onOrAfter(step.targetDate()),
                    -(step.durationDays() - 1));
            step.changeStatus(update.status(), now, start.atStartOfDay(zone()).toInstant());
        }
        if (update.targetDate() != null) {
            LocalDate target = calendar.onOrAfter(checkDate(update.targetDate()));
            if (!target.equals(step.targetDate())) {
                activity.record(planId, stepId, actor, PlanChange.TARGET_DATE, step.title(), step.targetDate(),
                        target, now, internal);
                step.setTarget(target);
            }
        }
        List<PlanStep> moved = new ArrayList<>();
        moves.ifPresent(cascadeResult -> cascadeResult.moved().forEach((id, date) -> {
            PlanStep dependent = step(plan, id);
            activity.record(planId, id, actor, PlanChange.MOVED_BY_CASCADE, dependent.title(),
                    dependent.targetDate(), date, now, dependent.visibility() == Visibility.INTERNAL);
            dependent.shiftTarget(date);
            moved.add(dependent);
        }));
        save(step);
        moved.forEach(this::save);
        markEdited(planId, now);
        PlanView view = view(load(planId, edit.audience()), edit.deal(), edit.audience());
        Set<UUID> movedIds = moved.stream().map(PlanStep::id).collect(Collectors.toSet());
        StepView saved = view.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
        return new StepChange(saved, view.steps().stream().filter(s -> movedIds.contains(s.id())).toList(), view);
    }

    public StepView addStep(Viewer viewer, UUID planId, NewStep request) {
        return addStep(sellerEdit(viewer, planId), request);
    }

    StepView addStep(Edit edit, NewStep request) {
        LoadedPlan plan = edit.plan();
        UUID planId = edit.planId();
        PlanMilestone milestone = plan.milestone(request.milestoneId())
                .filter(found -> !edit.actor().isBuyer() || visibleToBuyers(plan, found))
                .orElseThrow(() -> new InvalidInputException("milestoneId", "plans.milestoneNotFound"));
        String title = requireText("title", request.title(), MAX_TITLE);
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "validation.maxLength", MAX_DESCRIPTION);
        }
        Side side = request.side() != null ? request.side() : edit.actor().isBuyer() ? Side.BUYER : null;
        if (side == null) {
            throw new InvalidInputException("side", "validation.required");
        }
        Visibility visibility = edit.actor().isBuyer() || request.visibility() == null
                ? Visibility.SHARED : request.visibility();
        if (side == Side.BUYER && visibility == Visibility.INTERNAL) {
            throw new InvalidInputException("visibility", "playbooks.buyerStepsShared");
        }
        if (request.durationDays() < 1 || request.durationDays() > MAX_DAYS) {
            throw new InvalidInputException("durationDays", "playbooks.days", MAX_DAYS);
        }
        Set<UUID> dependsOn = new LinkedHashSet<>(request.dependsOn() == null ? List.of() : request.dependsOn());
        for (UUID dependency : dependsOn) {
            if (plan.step(dependency).filter(found -> visible(edit.audience(), found)).isEmpty()) {
                throw new InvalidInputException("dependsOn", "plans.unknownDependency");
            }
        }
        BusinessCalendar calendar = holidays.calendar();
        LocalDate target = request.targetDate() != null
                ? calendar.onOrAfter(checkDate(request.targetDate()))
                : scheduledTarget(plan, dependsOn, request.durationDays(), calendar);
        List<StepOwner> owners = request.owners() == null || request.owners().isEmpty()
                ? List.of(edit.actor().isBuyer() ? StepOwner.participant(edit.actor().participantId())
                        : StepOwner.user(edit.actor().userId()))
                : owners(planId, request.owners());
        PlanStep step = PlanStep.create(UUID.randomUUID(), planId, milestone.id(), plan.stepsOf(milestone.id()).size(),
                null, title, blankToNull(request.description()), side, null, visibility, null,
                new DurationEstimates.Estimate(request.durationDays(), EstimateSource.MANUAL, 0), target, owners,
                dependsOn);
        steps.save(step);
        Instant now = clock.instant();
        activity.record(planId, step.id(), edit.actor(), PlanChange.STEP_ADDED, title, null, target, now,
                visibility == Visibility.INTERNAL);
        markEdited(planId, now);
        return view(load(planId, edit.audience()), edit.deal(), edit.audience()).steps().stream()
                .filter(s -> s.id().equals(step.id())).findFirst().orElseThrow();
    }

    /** Removes a step; steps that depended on it no longer do. */
    public void deleteStep(Viewer viewer, UUID planId, UUID stepId, long expectedVersion) {
        Edit edit = sellerEdit(viewer, planId);
        LoadedPlan plan = edit.plan();
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
        activity.record(planId, stepId, edit.actor(), PlanChange.STEP_DELETED, step.title(), null, null, now,
                step.visibility() == Visibility.INTERNAL);
        markEdited(planId, now);
    }

    /** Moves a step one place up ({@code -1}) or down ({@code +1}); past its milestone's edge into the next one. */
    public void moveStep(Viewer viewer, UUID planId, UUID stepId, int direction) {
        Edit edit = sellerEdit(viewer, planId);
        LoadedPlan plan = edit.plan();
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
        activity.record(planId, stepId, edit.actor(), PlanChange.STEP_REORDERED, step.title(), null, null, now,
                step.visibility() == Visibility.INTERNAL);
        markEdited(planId, now);
    }

    // --- milestones ------------------------------------------------------------------------------------------

    public MilestoneView addMilestone(Viewer viewer, UUID planId, String title) {
        return addMilestone(sellerEdit(viewer, planId), title);
    }

    MilestoneView addMilestone(Edit edit, String title) {
        UUID planId = edit.planId();
        PlanMilestone milestone = milestones.save(PlanMilestone.create(planId, edit.plan().milestones().size(),
                requireText("title", title, MAX_TITLE)));
        Instant now = clock.instant();
        activity.record(planId, null, edit.actor(), PlanChange.MILESTONE_ADDED, milestone.title(), null, null,
                now, false);
        markEdited(planId, now);
        return view(load(planId, edit.audience()), edit.deal(), edit.audience()).milestones().stream()
                .filter(m -> m.id().equals(milestone.id())).findFirst().orElseThrow();
    }

    public void renameMilestone(Viewer viewer, UUID planId, UUID milestoneId, String title, long expectedVersion) {
        Edit edit = sellerEdit(viewer, planId);
        PlanMilestone milestone = edit.plan().milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("plans.milestoneNotFound"));
        if (milestone.version() != expectedVersion) {
            throw new StaleVersionException("error.stale", milestone.version());
        }
        String newTitle = requireText("title", title, MAX_TITLE);
        Instant now = clock.instant();
        activity.record(planId, null, edit.actor(), PlanChange.MILESTONE_RENAMED, newTitle, milestone.title(),
                newTitle, now, !visibleToBuyers(edit.plan(), milestone));
        milestone.rename(newTitle);
        saveMilestone(milestone);
        markEdited(planId, now);
    }

    public void moveMilestone(Viewer viewer, UUID planId, UUID milestoneId, int direction) {
        Edit edit = sellerEdit(viewer, planId);
        List<PlanMilestone> ordered = new ArrayList<>(edit.plan().milestones());
        PlanMilestone milestone = edit.plan().milestone(milestoneId)
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
        activity.record(planId, null, edit.actor(), PlanChange.MILESTONE_REORDERED, milestone.title(), null, null,
                now, !visibleToBuyers(edit.plan(), milestone));
        markEdited(planId, now);
    }

    /** Removes a milestone with its steps. */
    public void deleteMilestone(Viewer viewer, UUID planId, UUID milestoneId, long expectedVersion) {
        Edit edit = sellerEdit(viewer, planId);
        LoadedPlan plan = edit.plan();
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
        boolean internal = !visibleToBuyers(plan, milestone);
        steps.deleteAllById(removed);
        milestones.delete(milestone);
        Instant now = clock.instant();
        activity.record(planId, null, edit.actor(), PlanChange.MILESTONE_DELETED, milestone.title(), null, null,
                now, internal);
        markEdited(planId, now);
    }

    // --- for buyers (see BuyerPlans) and other modules --------------------------------------------------------

    /** An edit by a buyer participant on a mutual action plan, whose access the caller has checked. */
    Edit buyerEdit(UUID planId, UUID participantId) {
        LoadedPlan plan = load(planId);
        if (!plan.plan().sharedWithBuyers()) {
            throw new NotFoundException("plans.notFound");
        }
        plan.plan().requireOpen();
        DealFacts deal = deals.facts(new DealId(plan.plan().dealId())).orElseThrow();
        return new Edit(plan, Actor.buyer(participantId), DealInfo.forBuyers(deal, plan.plan()));
    }

    /** The plan as buyers see it: only mutual action plans, only what is shared. */
    PlanView buyerView(UUID planId) {
        Plan plan = plans.findById(planId).filter(Plan::sharedWithBuyers)
                .orElseThrow(() -> new NotFoundException("plans.notFound"));
        DealFacts deal = deals.facts(new DealId(plan.dealId())).orElseThrow();
        return view(load(plan, Audience.BUYER), DealInfo.forBuyers(deal, plan), Audience.BUYER);
    }

    List<ActivityView> buyerActivity(UUID planId, UUID participantId, Instant since) {
        return since == null ? activity.recent(planId, ACTIVITY_SHOWN, Audience.BUYER)
                : activity.since(planId, since, null, participantId, Audience.BUYER, ACTIVITY_SHOWN);
    }

    /** Records a collaboration change (comment, attachment, participant) in the plan's activity log. */
    public void recordActivity(UUID planId, UUID stepId, UUID actorUserId, UUID actorParticipantId,
            PlanChange change, String subject, String before, String after, boolean internal) {
        Actor actor = new Actor(actorParticipantId == null ? Audience.SELLER : Audience.BUYER, actorUserId,
                actorParticipantId);
        activity.record(planId, stepId, actor, change, subject, before, after, clock.instant(), internal);
    }

    /**
     * When each step of a plan, and the plan's own details, last changed according to the activity log — keyed by
     * step id, and by the plan id for the details; for buyers only changes they may see count (system; the
     * caller has checked access).
     */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> lastChanges(UUID planId, Audience audience) {
        return activity.lastChanges(planId, audience);
    }

    /** The language a plan speaks to its buyers (system; no access check). */
    @Transactional(readOnly = true)
    public Optional<String> languageOf(UUID planId) {
        return plans.findById(planId).map(Plan::language);
    }

    /** The email domains that may join a mutual action plan by themselves, or null (system; no access check). */
    @Transactional(readOnly = true)
    public String allowedDomains(UUID planId) {
        return plans.findById(planId).filter(Plan::mutual).map(Plan::allowedDomains).orElse(null);
    }

    /** Whether a step is shared (buyers may see it); false for unknown steps. */
    @Transactional(readOnly = true)
    public boolean isSharedStep(UUID planId, UUID stepId) {
        return stepReader.of(planId, Audience.BUYER).stream().anyMatch(step -> step.id().equals(stepId));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Edit sellerEdit(Viewer viewer, UUID planId) {
        LoadedPlan plan = load(planId);
        DealView deal = changeableDeal(viewer, new DealId(plan.plan().dealId()));
        plan.plan().requireOpen();
        return new Edit(plan, Actor.seller(viewer.userId()), DealInfo.forSellers(deal));
    }

    private PlanStep visibleStep(Edit edit, UUID stepId) {
        return edit.plan().step(stepId).filter(step -> visible(edit.audience(), step))
                .orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
    }

    private static boolean visible(Audience audience, PlanStep step) {
        return audience == Audience.SELLER || step.visibility() == Visibility.SHARED;
    }

    /** Buyers see a milestone unless every one of its steps is internal. */
    private static boolean visibleToBuyers(LoadedPlan plan, PlanMilestone milestone) {
        List<PlanStep> its = plan.stepsOf(milestone.id());
        return its.isEmpty() || its.stream().anyMatch(step -> step.visibility() == Visibility.SHARED);
    }

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

    /** The plan's end as an audience sees it: buyers only over the shared steps. */
    private LocalDate plannedEnd(LoadedPlan plan, Audience audience, BusinessCalendar calendar) {
        LoadedPlan seen = audience == Audience.SELLER ? plan : new LoadedPlan(plan.plan(), plan.milestones(),
                plan.steps().stream().filter(step -> visible(audience, step)).toList());
        return seen.steps().isEmpty() ? null : seen.schedule(calendar, zone()).planEnd();
    }

    private static LocalDate latest(LocalDate end, List<LocalDate> dates, LocalDate changed) {
        LocalDate latest = end;
        for (LocalDate date : dates) {
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }
        return latest == null || changed.isAfter(latest) ? changed : latest;
    }

    PlanView view(LoadedPlan loaded, DealInfo deal, Audience audience) {
        BusinessCalendar calendar = holidays.calendar();
        ZoneId zone = zone();
        LocalDate today = LocalDate.now(clock);
        Schedule schedule = loaded.schedule(calendar, zone);
        Slack slack = deal.expectedClose() == null || loaded.steps().isEmpty() ? null
                : Scheduler.backward(loaded.items(zone), schedule, deal.expectedClose(), calendar);
        Map<UUID, UserSummary> people = users.byIds(loaded.steps().stream()
                .flatMap(step -> step.owners().stream()).map(StepOwner::userId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, ParticipantDirectory.Participant> others = participants.byIds(loaded.steps().stream()
                .flatMap(step -> step.owners().stream()).map(StepOwner::participantId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<MilestoneView> milestoneViews = loaded.milestones().stream()
                .filter(milestone -> audience == Audience.SELLER || visibleToBuyers(loaded, milestone))
                .map(milestone -> new MilestoneView(milestone.id(), milestone.title(), milestone.position(),
                        loaded.stepsOf(milestone.id()).stream()
                                .map(step -> stepView(step, schedule, slack, people, others, today))
                                .toList(),
                        milestone.version()))
                .toList();
        Plan plan = loaded.plan();
        boolean sellers = audience == Audience.SELLER;
        String playbookName = !sellers || plan.playbookId() == null ? null
                : playbooks.nameOf(plan.playbookId()).orElse(null);
        return new PlanView(plan.id(), new DealId(plan.dealId()), deal.name(), plan.kind(), plan.status(),
                plan.edited(), playbookName, sellers ? plan.playbookVersion() : null, plan.generatedAt(),
                deal.expectedClose(), schedule.planEnd(), slack == null || slack.feasible(),
                slack == null ? 0 : slack.businessDaysOver(), milestoneViews, audience, plan.language(),
                plan.convertedAt(), sellers ? plan.conversionOverride() : null, plan.targetSignature(),
                plan.targetGoLive(), sellers ? plan.allowedDomains() : null,
                plan.mutual() ? sections.of(plan.id()) : List.of(), plan.version());
    }

    private StepView stepView(PlanStep step, Schedule schedule, Slack slack, Map<UUID, UserSummary> people,
            Map<UUID, ParticipantDirectory.Participant> others, LocalDate today) {
        List<OwnerView> owners = step.owners().stream().map(owner -> {
            if (owner.participantId() != null) {
                ParticipantDirectory.Participant person = others.get(owner.participantId());
                return new OwnerView(null, owner.participantId(), person == null ? null : person.name(),
                        person == null ? null : person.email(), null, person == null ? null : person.side());
            }
            UserSummary person = owner.userId() == null ? null : people.get(owner.userId());
            return new OwnerView(owner.userId(), null, person == null ? null : person.name(),
                    person == null ? null : person.email(), owner.role(), owner.userId() == null ? null : "SELLER");
        }).toList();
        return new StepView(step.id(), step.milestoneId(), step.position(), step.key(), step.title(),
                step.description(), step.side(), step.ownerRole(), step.visibility(), step.stageKey(),
                step.durationDays(), step.estimateSource(), step.estimateSamples(), step.status(),
                step.baselineDate(), schedule.starts().get(step.id()), step.targetDate(), step.pinned(),
                step.startedAt(), step.completedAt(), owners, List.copyOf(step.dependsOn()),
                slack == null ? null : slack.of(step.id()), step.overdue(today), step.version());
    }

    private List<StepOwner> owners(UUID planId, Collection<OwnerRef> refs) {
        if (refs.size() > MAX_OWNERS) {
            throw new InvalidInputException("owners", "plans.tooManyOwners", MAX_OWNERS);
        }
        List<StepOwner> owners = new ArrayList<>();
        for (OwnerRef ref : refs) {
            if (Stream.of(ref.userId(), ref.role(), ref.participantId()).filter(Objects::nonNull).count() != 1) {
                throw new InvalidInputException("owners", "plans.badOwner");
            }
            if (ref.userId() != null) {
                users.find(ref.userId()).filter(UserSummary::active)
                        .orElseThrow(() -> new InvalidInputException("owners", "plans.unknownOwner"));
                owners.add(StepOwner.user(ref.userId()));
            } else if (ref.participantId() != null) {
                if (!participants.isActiveOn(planId, ref.participantId())) {
                    throw new InvalidInputException("owners", "plans.unknownOwner");
                }
                owners.add(StepOwner.participant(ref.participantId()));
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
        Map<UUID, ParticipantDirectory.Participant> others = participants.byIds(owners.stream()
                .map(StepOwner::participantId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return owners.stream()
                .map(owner -> owner.participantId() != null
                        ? Optional.ofNullable(others.get(owner.participantId()))
                                .map(ParticipantDirectory.Participant::name).orElse("?")
                        : owner.userId() == null ? owner.role()
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
        return load(plan, Audience.SELLER);
    }

    /** The plan as an audience may see it: a buyer's view is built only from the shared steps. */
    private LoadedPlan load(UUID planId, Audience audience) {
        return load(plans.findById(planId).orElseThrow(() -> new NotFoundException("plans.notFound")), audience);
    }

    private LoadedPlan load(Plan plan, Audience audience) {
        List<PlanMilestone> all = milestones.findByPlan(plan.id());
        if (audience == Audience.SELLER) {
            return new LoadedPlan(plan, all, stepReader.of(plan.id(), audience));
        }
        // Without its internal steps a milestone that has only those would look empty: leave it out altogether.
        Set<UUID> internalOnly = new HashSet<>(jdbc.sql("select milestone_id from plan_step where plan_id = :plan "
                        + "group by milestone_id having bool_and(visibility = 'INTERNAL')")
                .param("plan", plan.id())
                .query(UUID.class)
                .list());
        return new LoadedPlan(plan, all.stream().filter(milestone -> !internalOnly.contains(milestone.id())).toList(),
                stepReader.of(plan.id(), audience));
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

    private static String normalizeDomains(String domains) {
        if (domains == null || domains.isBlank()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (String domain : domains.split("[,;\\s]+")) {
            String clean = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (clean.isEmpty()) {
                continue;
            }
            if (!clean.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
                throw new InvalidInputException("allowedDomains", "plans.badDomain", clean);
            }
            list.add(clean);
        }
        String joined = String.join(", ", new LinkedHashSet<>(list));
        if (joined.length() > MAX_DOMAINS) {
            throw new InvalidInputException("allowedDomains", "validation.maxLength", MAX_DOMAINS);
        }
        return joined.isEmpty() ? null : joined;
    }

    private static LocalDate checkOptionalDate(String field, LocalDate date) {
        if (date != null && (date.getYear() < 1900 || date.getYear() > 9999)) {
            throw new InvalidInputException(field, "validation.dateRange");
        }
        return date;
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
