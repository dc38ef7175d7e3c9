package io.mutua.plans;

import io.mutua.deals.DealFacts;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.playbooks.FrozenPlaybook;
import io.mutua.playbooks.MilestoneTemplate;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.PlaybookView;
import io.mutua.playbooks.Playbooks;
import io.mutua.playbooks.StepTemplate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a playbook into a deal's closing plan: each step dated by how long it really takes (see
 * {@link DurationEstimates}), scheduled forward from today through its dependencies. A plan is generated at most
 * once per deal: the plan row is inserted first, and a second attempt finds it there and stops.
 */
@Component
class PlanGenerator {

    private final DealService deals;
    private final Playbooks playbooks;
    private final DurationEstimates estimates;
    private final Holidays holidays;
    private final NewPlanRows rows;
    private final ActivityLog activity;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanGenerator(DealService deals, Playbooks playbooks, DurationEstimates estimates, Holidays holidays,
            NewPlanRows rows, ActivityLog activity, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.playbooks = playbooks;
        this.estimates = estimates;
        this.holidays = holidays;
        this.rows = rows;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Generates the closing plan of an open deal unless it has one; returns the new plan's id, if any. */
    @Transactional
    Optional<UUID> generateIfMissing(DealId dealId, UUID actorId) {
        Optional<DealFacts> deal = deals.facts(dealId).filter(DealFacts::open);
        if (deal.isEmpty()) {
            return Optional.empty();
        }
        Optional<PlaybookView> playbook = playbooks.select(deal.get().amount(), deal.get().segment());
        if (playbook.isEmpty()) {
            return Optional.empty();
        }
        FrozenPlaybook frozen = playbooks.freeze(playbook.get().id());
        UUID planId = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into plan (id, deal_id, kind, status, playbook_id, playbook_version, edited, "
                        + "generated_at, updated_at, version) values (:id, :deal, 'CLOSING', 'ACTIVE', :playbook, "
                        + ":playbookVersion, false, :now, :now, 0) on conflict (deal_id) where kind in ('CLOSING', 'MUTUAL') do nothing")
                .param("id", planId)
                .param("deal", dealId.value())
                .param("playbook", frozen.playbookId())
                .param("playbookVersion", frozen.contentVersion())
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        createSteps(planId, deal.get(), frozen, LocalDate.now(clock));
        activity.record(planId, null, actorId == null ? Actor.system() : Actor.seller(actorId), PlanChange.GENERATED,
                frozen.name(), null, frozen.name() + " v" + frozen.contentVersion(), now, true);
        return Optional.of(planId);
    }

    /** Lays out the milestones and steps of a frozen playbook in an empty plan, scheduled from {@code today}. */
    void createSteps(UUID planId, DealFacts deal, FrozenPlaybook playbook, LocalDate today) {
        List<StepTemplate> templates = playbook.content().steps();
        Map<String, Long> stepsPerStage = templates.stream()
                .collect(Collectors.groupingBy(StepTemplate::stage, Collectors.counting()));
        Map<String, UUID> ids = new HashMap<>();
        templates.forEach(template -> ids.put(template.key(), UUID.randomUUID()));
        Map<String, DurationEstimates.Estimate> estimated = templates.stream().collect(Collectors.toMap(
                StepTemplate::key, template -> estimates.estimate(template.key(), template.stage(),
                        stepsPerStage.get(template.stage()).intValue(), template.defaultDays())));
        List<ScheduleItem> items = templates.stream()
                .map(template -> ScheduleItem.movable(ids.get(template.key()), estimated.get(template.key()).days(),
                        dependencies(template, ids)))
                .toList();
        Schedule schedule = Scheduler.forward(items, today, holidays.calendar());

        List<PlanMilestone> newMilestones = new ArrayList<>();
        List<PlanStep> newSteps = new ArrayList<>();
        int milestonePosition = 0;
        for (MilestoneTemplate milestoneTemplate : playbook.content().milestones()) {
            PlanMilestone milestone = PlanMilestone.create(planId, milestonePosition++, milestoneTemplate.title());
            newMilestones.add(milestone);
            int stepPosition = 0;
            for (StepTemplate template : milestoneTemplate.steps()) {
                UUID id = ids.get(template.key());
                newSteps.add(PlanStep.create(id, planId, milestone.id(), stepPosition++, template.key(),
                        template.title(), template.guidance(), template.side(), template.ownerRole().name(),
                        template.visibility(), template.stage(), estimated.get(template.key()),
                        schedule.targets().get(id), owners(template, deal), dependencies(template, ids)));
            }
        }
        rows.insert(newMilestones, newSteps);
    }

    private static Set<UUID> dependencies(StepTemplate template, Map<String, UUID> ids) {
        return template.dependsOn().stream().map(ids::get).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The deal's owner takes the account executive's steps; every other role waits for a person. */
    private static List<StepOwner> owners(StepTemplate template, DealFacts deal) {
        return List.of(template.ownerRole() == OwnerRole.ACCOUNT_EXECUTIVE
                ? StepOwner.user(deal.ownerId())
                : StepOwner.role(template.ownerRole().name()));
    }
}
