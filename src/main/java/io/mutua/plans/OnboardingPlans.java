package io.mutua.plans;

import io.mutua.deals.DealFacts;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.playbooks.FrozenPlaybook;
import io.mutua.playbooks.Playbooks;
import io.mutua.web.ConflictException;
import io.mutua.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding plan of a won deal: laid out from an onboarding playbook and dated from today like a closing plan,
 * active at once and shared with the buyers (their participants are the caller's to add). At most one per deal:
 * starting it again returns the plan that exists. The caller checks who may start it.
 */
@Service
@Transactional
public class OnboardingPlans {

    private final DealService deals;
    private final Playbooks playbooks;
    private final PlanGenerator generator;
    private final PlanRepository plans;
    private final ActivityLog activity;
    private final JdbcClient jdbc;
    private final Clock clock;

    OnboardingPlans(DealService deals, Playbooks playbooks, PlanGenerator generator, PlanRepository plans,
            ActivityLog activity, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.playbooks = playbooks;
        this.generator = generator;
        this.plans = plans;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The started onboarding plan of a deal, if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> of(DealId dealId) {
        return jdbc.sql("select id from plan where deal_id = :deal and kind = 'ONBOARDING'")
                .param("deal", dealId.value())
                .query(UUID.class)
                .optional();
    }

    /** The deal's sales plan (closing or mutual), if it had one. */
    @Transactional(readOnly = true)
    public Optional<UUID> salesPlanOf(DealId dealId) {
        return plans.findSalesPlan(dealId.value()).map(Plan::id);
    }

    /** Starts the won deal's onboarding plan from the playbook, or returns the one already started. */
    public UUID start(DealId dealId, UUID playbookId, UUID actorId) {
        Optional<UUID> existing = of(dealId);
        if (existing.isPresent()) {
            return existing.get();
        }
        DealFacts deal = deals.facts(dealId).orElseThrow(() -> new NotFoundException("deals.notFound"));
        if (deal.status() != io.mutua.deals.DealStatus.WON) {
            throw new ConflictException("handoffs.dealNotWon");
        }
        FrozenPlaybook frozen = playbooks.freeze(playbookId);
        String language = plans.findSalesPlan(dealId.value()).map(Plan::language).orElse("en");
        UUID planId = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into plan (id, deal_id, kind, status, playbook_id, playbook_version, edited, "
                        + "generated_at, updated_at, language, version) values (:id, :deal, 'ONBOARDING', 'ACTIVE', "
                        + ":playbook, :playbookVersion, false, :now, :now, :language, 0) "
                        + "on conflict (deal_id) where kind = 'ONBOARDING' do nothing")
                .param("id", planId)
                .param("deal", dealId.value())
                .param("playbook", frozen.playbookId())
                .param("playbookVersion", frozen.contentVersion())
                .param("now", Timestamp.from(now))
                .param("language", language)
                .update();
        if (inserted == 0) {
            return of(dealId).orElseThrow();
        }
        generator.createSteps(planId, deal, frozen, LocalDate.now(clock));
        activity.record(planId, null, actorId == null ? Actor.system() : Actor.seller(actorId), PlanChange.GENERATED,
                frozen.name(), null, frozen.name() + " v" + frozen.contentVersion(), now, true);
        return planId;
    }
}
