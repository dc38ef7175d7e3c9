package io.mutua.forecasting;

import io.mutua.deals.MeddpiccElement;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.DurationEstimates;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forecast of an open deal from plain facts: predicted close (from its plan, else its stages), slip and health.
 * One instance serves a whole run: the day, the calendar, the estimates and the pipeline are the same for every deal.
 */
final class DealForecaster {

    /** An open pipeline stage in order, with its median stay in business days (null when history says too little). */
    record OpenStage(String key, int position, Double medianDays) {
    }

    /** The deal's open sales plan. */
    record Plan(UUID id, PlanKind kind, PlanStatus status, LocalDate targetSignature, LocalDate convertedOn,
            LocalDate lastBuyerActivity, List<ClosePrediction.Step> steps) {
    }

    /** An open deal; {@code plan} null without an open sales plan. */
    record Deal(UUID id, String stageKey, LocalDate expectedClose, Plan plan, List<MeddpiccElement> missing) {
    }

    private final LocalDate today;
    private final Instant now;
    private final BusinessCalendar calendar;
    private final DurationEstimates estimates;
    private final List<OpenStage> stages;
    private final Map<String, Integer> positions;
    private final HealthRules.Thresholds thresholds;

    DealForecaster(LocalDate today, Instant now, BusinessCalendar calendar, DurationEstimates estimates,
            List<OpenStage> stages, Map<String, Integer> positions, HealthRules.Thresholds thresholds) {
        this.today = today;
        this.now = now;
        this.calendar = calendar;
        this.estimates = estimates;
        this.stages = List.copyOf(stages);
        this.positions = Map.copyOf(positions);
        this.thresholds = thresholds;
    }

    DealForecast forecast(Deal deal) {
        Plan plan = deal.plan();
        ClosePrediction.Predicted predicted = plan != null
                ? new ClosePrediction.Predicted(ClosePrediction.fromPlan(plan.steps(), today, calendar, estimates),
                        PredictionSource.PLAN)
                : ClosePrediction.fromStages(remainingMedians(deal.stageKey()), today, calendar);
        LocalDate target = plan == null ? null : plan.targetSignature();
        HealthRules.PlanFacts planFacts = plan == null ? null : new HealthRules.PlanFacts(plan.kind(), plan.status(),
                plan.targetSignature(), plan.convertedOn(), unfinished(plan), plan.lastBuyerActivity());
        HealthRules.Result health = HealthRules.assess(new HealthRules.Facts(today,
                positions.getOrDefault(deal.stageKey(), Integer.MIN_VALUE), deal.expectedClose(), planFacts,
                predicted.date(), deal.missing()), thresholds, calendar);
        return new DealForecast(deal.id(), plan == null ? null : plan.id(), health.health(), health.reasons(),
                predicted.date(), predicted.source(), deal.expectedClose(), target,
                slip(deal.expectedClose(), predicted.date()), slip(target, predicted.date()), now);
    }

    private Integer slip(LocalDate from, LocalDate predicted) {
        return from == null || predicted == null ? null : calendar.businessDaysBetween(from, predicted);
    }

    private List<Double> remainingMedians(String stageKey) {
        List<Double> medians = new ArrayList<>();
        boolean reached = false;
        for (OpenStage stage : stages) {
            reached |= stage.key().equals(stageKey);
            if (reached) {
                medians.add(stage.medianDays());
            }
        }
        return medians;
    }

    private static List<HealthRules.OpenStep> unfinished(Plan plan) {
        return plan.steps().stream().filter(step -> !step.status().finished())
                .map(step -> new HealthRules.OpenStep(step.title(), step.targetDate())).toList();
    }
}
