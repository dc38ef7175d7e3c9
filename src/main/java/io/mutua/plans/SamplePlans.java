package io.mutua.plans;

import io.mutua.deals.DealFacts;
import io.mutua.deals.DealHistory;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealStatus;
import io.mutua.deals.Pipeline;
import io.mutua.deals.StageView;
import io.mutua.identity.SetupCompleted;
import io.mutua.playbooks.FrozenPlaybook;
import io.mutua.playbooks.PlaybookView;
import io.mutua.playbooks.Playbooks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sample closing plans for the sample deals that reached the trigger stage, as if Mutua had been in use all year:
 * each plan was generated when its deal entered the trigger stage, and its steps were worked through at a
 * realistic pace — won deals finished every step, lost ones stalled, open ones have done, running, blocked and
 * overdue steps. The finished steps are what the statistics learn from. Runs after the sample deals, inside the
 * setup transaction.
 */
@Component
class SamplePlans {

    private final DealService deals;
    private final DealHistory history;
    private final Pipeline pipeline;
    private final Playbooks playbooks;
    private final PlanGenerator generator;
    private final PlanSteps stepReader;
    private final PlanStepRepository steps;
    private final PlanMilestoneRepository milestones;
    private final Holidays holidays;
    private final JdbcClient jdbc;
    private final Clock clock;

    SamplePlans(DealService deals, DealHistory history, Pipeline pipeline, Playbooks playbooks,
            PlanGenerator generator, PlanSteps stepReader, PlanStepRepository steps,
            PlanMilestoneRepository milestones, Holidays holidays, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.history = history;
        this.pipeline = pipeline;
        this.playbooks = playbooks;
        this.generator = generator;
        this.stepReader = stepReader;
        this.steps = steps;
        this.milestones = milestones;
        this.holidays = holidays;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(SetupCompleted.ORDER_SAMPLE_PLANS)
    void on(SetupCompleted setup) {
        Optional<StageView> trigger = pipeline.triggerStage();
        if (!setup.withSampleData() || trigger.isEmpty()) {
            return;
        }
        Random random = new Random(7);
        history.firstEntered(trigger.get().key()).forEach((dealId, entered) ->
                deals.facts(dealId).ifPresent(deal -> create(deal, entered, random)));
    }

    private void create(DealFacts deal, Instant generatedAt, Random random) {
        Optional<PlaybookView> playbook = playbooks.select(deal.amount(), deal.segment());
        if (playbook.isEmpty()) {
            return;
        }
        FrozenPlaybook frozen = playbooks.freeze(playbook.get().id());
        UUID planId = UUID.randomUUID();
        boolean closed = deal.status() != DealStatus.OPEN;
        jdbc.sql("insert into plan (id, deal_id, kind, status, playbook_id, playbook_version, edited, generated_at, "
                        + "updated_at, version) values (:id, :deal, 'CLOSING', :status, :playbook, :playbookVersion, "
                        + "true, :at, :at, 0) on conflict (deal_id) where kind in ('CLOSING', 'MUTUAL') do nothing")
                .param("id", planId)
                .param("deal", deal.id().value())
                .param("status", closed ? PlanStatus.CLOSED.name() : PlanStatus.ACTIVE.name())
                .param("playbook", frozen.playbookId())
                .param("playbookVersion", frozen.contentVersion())
                .param("at", Timestamp.from(generatedAt))
                .update();
        ZoneId zone = clock.getZone();
        generator.createSteps(planId, deal, frozen, LocalDate.ofInstant(generatedAt, zone));
        List<PlanMilestone> order = milestones.findByPlan(planId);
        workThrough(deal, new LoadedPlan(null, order, stepReader.of(planId)).steps(), generatedAt, random);
        jdbc.sql("insert into plan_activity (plan_id, actor_id, action, subject, after, at) "
                        + "values (:plan, null, 'GENERATED', :name, :name, :at)")
                .param("plan", planId)
                .param("name", frozen.name() + " v" + frozen.contentVersion())
                .param("at", Timestamp.from(generatedAt))
                .update();
    }

    /**
     * Replays the work on the plan: each step starts when its dependencies are done and takes 60–180 % of its
     * planned duration. What finished before the deal closed (or before today) is done; a lost deal's other steps
     * stay open; an open deal's step under way is in progress, now and then blocked.
     */
    private void workThrough(DealFacts deal, List<PlanStep> planSteps, Instant generatedAt, Random random) {
        BusinessCalendar calendar = holidays.calendar();
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Instant end = deal.status() == DealStatus.OPEN ? now : deal.closedAt();
        LocalDate lastDay = LocalDate.ofInstant(end, zone);
        Map<UUID, LocalDate> finished = new HashMap<>();
        for (PlanStep step : planSteps) {
            LocalDate start = calendar.onOrAfter(LocalDate.ofInstant(generatedAt, zone));
            boolean waiting = false;
            for (UUID dependency : step.dependsOn()) {
                LocalDate dependencyDone = finished.get(dependency);
                if (dependencyDone == null) {
                    waiting = true;
                } else if (!calendar.plusBusinessDays(dependencyDone, 1).isBefore(start)) {
                    start = calendar.plusBusinessDays(dependencyDone, 1);
                }
            }
            if (waiting) {
                continue;
            }
            int days = Math.max(1, (int) Math.round(step.durationDays() * (0.6 + 1.2 * random.nextDouble())));
            LocalDate done = calendar.plusBusinessDays(start, days - 1);
            boolean wonEverything = deal.status() == DealStatus.WON;
            if (wonEverything && done.isAfter(lastDay)) {
                done = calendar.onOrBefore(lastDay);
                start = done.isBefore(start) ? done : start;
            }
            if (!done.isAfter(lastDay) && !start.isAfter(lastDay)) {
                step.changeStatus(StepStatus.IN_PROGRESS, at(start, zone, 9), at(start, zone, 9));
                step.changeStatus(StepStatus.DONE, at(done, zone, 16), at(start, zone, 9));
                finished.put(step.id(), done);
            } else if (deal.status() == DealStatus.OPEN && !start.isAfter(lastDay)) {
                step.changeStatus(random.nextInt(5) == 0 ? StepStatus.BLOCKED : StepStatus.IN_PROGRESS,
                        at(start, zone, 9), at(start, zone, 9));
            }
            if (step.status() != StepStatus.NOT_STARTED) {
                steps.save(step);
            }
        }
    }

    private static Instant at(LocalDate day, ZoneId zone, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }
}
