package io.mutua.forecasting;

import io.mutua.deals.DealId;
import io.mutua.deals.DealStageChanged;
import io.mutua.deals.DealUpdated;
import io.mutua.deals.DealsImported;
import io.mutua.deals.QualificationChanged;
import io.mutua.identity.SetupCompleted;
import io.mutua.plans.PlanActivity;
import io.mutua.plans.PlanService;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps forecasts fresh: one deal after each relevant change (after commit, in the background), every open deal
 * daily, after setup with sample data, and once at start-up when no forecast exists yet. A comment is recorded as plan
 * activity and a close as a stage change, so those two events cover comments and closes.
 */
@Component
class ForecastRefresh {

    private static final Logger log = LoggerFactory.getLogger(ForecastRefresh.class);

    private final DealForecasts forecasts;
    private final PlanService plans;

    ForecastRefresh(DealForecasts forecasts, PlanService plans) {
        this.forecasts = forecasts;
        this.plans = plans;
    }

    @ApplicationModuleListener
    void on(PlanActivity event) {
        ofPlan(event.planId());
    }

    @ApplicationModuleListener
    void on(DealStageChanged event) {
        deal(event.dealId());
    }

    @ApplicationModuleListener
    void on(DealUpdated event) {
        deal(event.dealId());
    }

    @ApplicationModuleListener
    void on(QualificationChanged event) {
        deal(event.dealId());
    }

    @ApplicationModuleListener
    void on(DealsImported event) {
        forecasts.refreshStatistics();
        forecasts.recompute(event.deals().stream().map(DealId::value).toList());
    }

    /** The sample data is written without the events of single changes: its forecast would wait for the daily run. */
    @ApplicationModuleListener
    void on(SetupCompleted event) {
        if (event.withSampleData()) {
            forecasts.recomputeAll();
        }
    }

    @Scheduled(cron = "${mutua.forecast.cron}")
    @SchedulerLock(name = "forecast-daily")
    void daily() {
        forecasts.recomputeAll();
    }

    /** An upgraded installation shows a forecast at once instead of the next morning; start-up does not wait. */
    @EventListener(ApplicationReadyEvent.class)
    void firstForecast() {
        Thread first = new Thread(() -> {
            try {
                if (forecasts.missing()) {
                    forecasts.recomputeAll();
                }
            } catch (RuntimeException e) {
                log.warn("The first forecast failed; the daily run will retry", e);
            }
        }, "first-forecast");
        first.setDaemon(true);
        first.start();
    }

    private void ofPlan(UUID planId) {
        plans.dealOf(planId).ifPresent(this::deal);
    }

    private void deal(DealId dealId) {
        forecasts.recompute(List.of(dealId.value()));
    }
}
