package io.mutua.forecasting;

import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.DurationEstimates;
import io.mutua.plans.ScheduleItem;
import io.mutua.plans.Scheduler;
import io.mutua.plans.StepStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * When a deal will close: from the remaining steps of its plan (forward pass from today with the steps' current
 * learned durations) or, without a plan, from how long its remaining stages usually take. Pure; the caller supplies
 * today, the calendar and the estimates.
 */
final class ClosePrediction {

    private ClosePrediction() {
    }

    record Predicted(LocalDate date, PredictionSource source) {

        static final Predicted NONE = new Predicted(null, PredictionSource.NONE);
    }

    /** A plan step as the prediction sees it; {@code startedOn} only matters while it is in progress. */
    record Step(UUID id, String key, String stageKey, String title, StepStatus status, int durationDays,
            boolean manualEstimate, boolean pinned, LocalDate targetDate, LocalDate startedOn, Set<UUID> dependsOn) {

        Step {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            dependsOn = Set.copyOf(dependsOn);
        }
    }

    /**
     * The plan end of a forward pass over the unfinished steps; the business day after today when every step is
     * finished.
     */
    static LocalDate fromPlan(List<Step> steps, LocalDate today, BusinessCalendar calendar,
            DurationEstimates estimates) {
        Set<UUID> unfinished = new HashSet<>();
        Map<String, Integer> stepsInStage = new HashMap<>();
        for (Step step : steps) {
            if (!step.status().finished()) {
                unfinished.add(step.id());
            }
            if (step.stageKey() != null) {
                stepsInStage.merge(step.stageKey(), 1, Integer::sum);
            }
        }
        if (unfinished.isEmpty()) {
            return calendar.onOrAfter(today.plusDays(1));
        }
        List<ScheduleItem> items = new ArrayList<>(unfinished.size());
        for (Step step : steps) {
            if (!unfinished.contains(step.id())) {
                continue;
            }
            Set<UUID> dependsOn = new HashSet<>(step.dependsOn());
            dependsOn.retainAll(unfinished);
            int days = duration(step, stepsInStage, estimates);
            if (step.status() == StepStatus.IN_PROGRESS) {
                LocalDate started = step.startedOn() == null ? today : step.startedOn();
                days = Math.max(1, days - Math.max(0, calendar.businessDaysBetween(started, today)));
            }
            items.add(step.pinned()
                    ? ScheduleItem.fixed(step.id(), days, dependsOn, step.targetDate())
                    : ScheduleItem.movable(step.id(), days, dependsOn));
        }
        return Scheduler.forward(items, today, calendar).planEnd();
    }

    private static int duration(Step step, Map<String, Integer> stepsInStage, DurationEstimates estimates) {
        if (step.manualEstimate()) {
            return step.durationDays();
        }
        int sharing = step.stageKey() == null ? 1 : stepsInStage.getOrDefault(step.stageKey(), 1);
        return estimates.estimate(step.key(), step.stageKey(), sharing, step.durationDays()).days();
    }

    /**
     * Without a plan: today plus the median stay of the current stage and every later open stage, counting only
     * stages with enough samples; none when no stage has enough.
     *
     * @param remainingMedians the median stay (business days) of the deal's current stage and each later open
     *     stage, null where the history says too little
     */
    static Predicted fromStages(List<Double> remainingMedians, LocalDate today, BusinessCalendar calendar) {
        double total = 0;
        boolean any = false;
        for (Double median : remainingMedians) {
            if (median != null) {
                total += median;
                any = true;
            }
        }
        if (!any) {
            return Predicted.NONE;
        }
        return new Predicted(calendar.plusBusinessDays(calendar.onOrAfter(today), (int) Math.round(total)),
                PredictionSource.STAGES);
    }
}
