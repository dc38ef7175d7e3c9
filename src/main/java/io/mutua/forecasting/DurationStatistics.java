package io.mutua.forecasting;

import io.mutua.deals.DealHistory;
import io.mutua.deals.Pipeline;
import io.mutua.deals.StageStay;
import io.mutua.deals.StageView;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.CompletedStep;
import io.mutua.plans.Holidays;
import io.mutua.plans.PlanHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * How long stages and steps take in this team, in business days: stages from the stage history of deals closed in
 * the last twelve months, steps from plan steps done in that time. Computed on demand and kept for a short while,
 * so that generating many plans does not recompute it for each.
 */
@Service
public class DurationStatistics {

    /** Fewer samples than this say too little to date a plan by. */
    public static final int MIN_SAMPLES = 5;
    static final Duration WINDOW = Duration.ofDays(365);

    private final DealHistory dealHistory;
    private final PlanHistory planHistory;
    private final Pipeline pipeline;
    private final Holidays holidays;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    DurationStatistics(DealHistory dealHistory, PlanHistory planHistory, Pipeline pipeline, Holidays holidays,
            Clock clock, @Value("${mutua.statistics.max-age}") Duration maxAge) {
        this.dealHistory = dealHistory;
        this.planHistory = planHistory;
        this.pipeline = pipeline;
        this.holidays = holidays;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    record Snapshot(Instant takenAt, Map<String, Durations> stages, Map<String, Durations> steps) {
    }

    /** Every open stage in pipeline order, with its durations when any deal has been through it. */
    public List<StageDuration> stages() {
        Snapshot current = current();
        List<StageDuration> result = new ArrayList<>();
        for (StageView stage : pipeline.stages()) {
            Durations durations = current.stages().get(stage.key());
            if (!stage.closing() && durations != null) {
                result.add(new StageDuration(stage.key(), stage.name(), durations));
            }
        }
        return result;
    }

    /** Every playbook step key with done samples, by key. */
    public List<StepDuration> steps() {
        return current().steps().entrySet().stream()
                .map(entry -> new StepDuration(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(StepDuration::key))
                .toList();
    }

    public Optional<Durations> stage(String key) {
        return Optional.ofNullable(current().stages().get(key));
    }

    public Optional<Durations> step(String key) {
        return Optional.ofNullable(current().steps().get(key));
    }

    /** Forgets the kept figures; the next question recomputes them. */
    public void refresh() {
        snapshot = null;
    }

    /** The figures as they stand, read once: callers going over many plans use one reading for all. */
    Snapshot snapshot() {
        return current();
    }

    private Snapshot current() {
        Snapshot taken = snapshot;
        Instant now = clock.instant();
        if (taken == null || taken.takenAt().plus(maxAge).isBefore(now) || maxAge.isZero()) {
            taken = compute(now);
            snapshot = taken;
        }
        return taken;
    }

    private Snapshot compute(Instant now) {
        BusinessCalendar calendar = holidays.calendar();
        Instant since = now.minus(WINDOW);
        Map<String, List<Integer>> stages = new LinkedHashMap<>();
        for (StageStay stay : dealHistory.staysOfDealsClosedSince(since)) {
            stages.computeIfAbsent(stay.stageKey(), key -> new ArrayList<>())
                    .add(Math.max(0, calendar.businessDaysBetween(day(stay.enteredAt()), day(stay.leftAt()))));
        }
        Map<String, List<Integer>> steps = new TreeMap<>();
        for (CompletedStep step : planHistory.completedSince(since)) {
            int days = Math.max(0, calendar.businessDaysBetween(day(step.startedAt()), day(step.completedAt()))) + 1;
            steps.computeIfAbsent(step.key(), key -> new ArrayList<>()).add(days);
        }
        return new Snapshot(now, summarize(stages), summarize(steps));
    }

    private static Map<String, Durations> summarize(Map<String, List<Integer>> samples) {
        Map<String, Durations> result = new LinkedHashMap<>();
        samples.forEach((key, values) -> result.put(key, Durations.of(values)));
        return Map.copyOf(result);
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
