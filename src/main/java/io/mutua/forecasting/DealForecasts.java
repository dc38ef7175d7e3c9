package io.mutua.forecasting;

import io.mutua.collaboration.BuyerEngagement;
import io.mutua.deals.DealFacts;
import io.mutua.deals.DealService;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.OpenDeals;
import io.mutua.deals.Pipeline;
import io.mutua.deals.Qualification;
import io.mutua.deals.StageView;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.Holidays;
import io.mutua.plans.OpenPlans;
import io.mutua.plans.OpenPlans.SalesPlan;
import io.mutua.plans.OpenPlans.SalesStep;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast of open deals: computes predicted close, slip and health from the deals, their plans, buyer
 * engagement and qualification, each read for many deals at once, and keeps the result in {@code deal_health}
 * (one row per open deal) and {@code deal_prediction} (one row per deal and day).
 */
@Service
public class DealForecasts {

    private static final Logger log = LoggerFactory.getLogger(DealForecasts.class);
    private static final int CHUNK = 5_000;

    private final OpenDeals openDeals;
    private final DealService deals;
    private final Qualification qualification;
    private final OpenPlans plans;
    private final BuyerEngagement engagement;
    private final Pipeline pipeline;
    private final Holidays holidays;
    private final DurationStatistics statistics;
    private final ForecastStore store;
    private final Clock clock;
    private final int buyerInactiveDays;
    private final String mutualByStage;
    private final String signedByStage;

    DealForecasts(OpenDeals openDeals, DealService deals, Qualification qualification, OpenPlans plans,
            BuyerEngagement engagement, Pipeline pipeline, Holidays holidays, DurationStatistics statistics,
            ForecastStore store, Clock clock,
            @Value("${mutua.forecast.buyer-inactive-days}") int buyerInactiveDays,
            @Value("${mutua.forecast.mutual-by-stage}") String mutualByStage,
            @Value("${mutua.forecast.signed-by-stage}") String signedByStage) {
        this.openDeals = openDeals;
        this.deals = deals;
        this.qualification = qualification;
        this.plans = plans;
        this.engagement = engagement;
        this.pipeline = pipeline;
        this.holidays = holidays;
        this.statistics = statistics;
        this.store = store;
        this.clock = clock;
        this.buyerInactiveDays = buyerInactiveDays;
        this.mutualByStage = mutualByStage;
        this.signedByStage = signedByStage;
    }

    /** The stored forecast of an open deal, if it was computed; no access check. */
    public Optional<DealForecast> stored(UUID dealId) {
        return store.find(dealId);
    }

    /** The forecast of a deal as it stands now, computed without storing it; empty when the deal is not open. */
    public Optional<DealForecast> computeNow(UUID dealId) {
        return compute(openAmong(List.of(dealId))).stream().findFirst();
    }

    /** Recomputes and stores the forecast of the given deals; forgets those no longer open. */
    @Transactional
    public void recompute(Collection<UUID> dealIds) {
        Set<UUID> ids = new HashSet<>(dealIds);
        List<DealFacts> open = openAmong(ids);
        List<DealForecast> forecasts = compute(open);
        open.forEach(deal -> ids.remove(deal.id().value()));
        store.delete(ids);
        store.save(forecasts, today());
    }

    /** Recomputes every open deal (the daily run) and forgets the deals closed since; returns how many it stored. */
    @Transactional
    public int recomputeAll() {
        long started = System.nanoTime();
        List<DealFacts> open = openDeals.all();
        List<DealForecast> forecasts = compute(open);
        Set<UUID> gone = store.dealIds();
        open.forEach(deal -> gone.remove(deal.id().value()));
        store.delete(gone);
        store.save(forecasts, today());
        log.info("Forecast of {} open deals computed in {} ms", forecasts.size(),
                (System.nanoTime() - started) / 1_000_000);
        return forecasts.size();
    }

    /** Whether there are open deals but no forecast yet (a fresh upgrade). */
    boolean missing() {
        return store.isEmpty() && !openDeals.all().isEmpty();
    }

    /** Forgets the kept duration statistics, e.g. after an import brought new history. */
    void refreshStatistics() {
        statistics.refresh();
    }

    private List<DealFacts> openAmong(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        List<DealFacts> open = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            deals.facts(all.subList(from, Math.min(all.size(), from + CHUNK))).values().stream()
                    .filter(DealFacts::open).forEach(open::add);
        }
        return open;
    }

    private List<DealForecast> compute(List<DealFacts> open) {
        if (open.isEmpty()) {
            return List.of();
        }
        List<UUID> dealIds = open.stream().map(deal -> deal.id().value()).toList();
        Map<UUID, SalesPlan> salesPlans = plans.salesPlansOf(dealIds);
        Map<UUID, Instant> buyerActivity = engagement.lastBuyerActivity(
                salesPlans.values().stream().map(SalesPlan::id).toList());
        Map<UUID, List<MeddpiccElement>> missing = qualification.missingRequired(dealIds);
        DealForecaster forecaster = forecaster();
        List<DealForecast> forecasts = new ArrayList<>(open.size());
        for (DealFacts deal : open) {
            UUID id = deal.id().value();
            SalesPlan plan = salesPlans.get(id);
            forecasts.add(forecaster.forecast(new DealForecaster.Deal(id, deal.stageKey(), deal.expectedCloseDate(),
                    plan == null ? null : plan(plan, buyerActivity.get(plan.id())),
                    missing.getOrDefault(id, List.of()))));
        }
        return forecasts;
    }

    private DealForecaster forecaster() {
        DurationStatistics.Snapshot figures = statistics.snapshot();
        List<StageView> stages = pipeline.stages();
        Map<String, Integer> positions = new HashMap<>();
        List<DealForecaster.OpenStage> open = new ArrayList<>();
        for (StageView stage : stages) {
            positions.put(stage.key(), stage.position());
            if (!stage.closing()) {
                Durations durations = figures.stages().get(stage.key());
                Double median = durations != null && durations.usedForEstimates() ? durations.median() : null;
                open.add(new DealForecaster.OpenStage(stage.key(), stage.position(), median));
            }
        }
        Integer trigger = stages.stream().filter(StageView::triggersPlan).map(StageView::position).findFirst()
                .orElse(null);
        HealthRules.Thresholds thresholds = new HealthRules.Thresholds(trigger, positions.get(mutualByStage),
                positions.get(signedByStage), buyerInactiveDays);
        return new DealForecaster(today(), clock.instant(), holidays.calendar(), LearnedEstimates.frozen(figures),
                open, positions, thresholds);
    }

    private DealForecaster.Plan plan(SalesPlan plan, Instant lastBuyerActivity) {
        List<ClosePrediction.Step> steps = new ArrayList<>(plan.steps().size());
        for (SalesStep step : plan.steps()) {
            steps.add(new ClosePrediction.Step(step.id(), step.key(), step.stageKey(), step.title(), step.status(),
                    step.durationDays(), step.estimateSource() == EstimateSource.MANUAL, step.pinned(),
                    step.targetDate(), day(step.startedAt()), step.dependsOn()));
        }
        return new DealForecaster.Plan(plan.id(), plan.kind(), plan.status(), plan.targetSignature(),
                day(plan.convertedAt()), day(lastBuyerActivity), steps);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, clock.getZone());
    }
}
