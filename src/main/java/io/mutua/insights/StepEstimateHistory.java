package io.mutua.insights;

import io.mutua.forecasting.DurationStatistics;
import io.mutua.insights.WinLossQueries.DoneStep;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * How the learned estimate of each playbook step evolved: at each of the last twelve month-ends, the median
 * business days (started to completed, plus one, as {@link DurationStatistics} counts them) over the steps completed
 * in the twelve months up to that day, and whether there were enough of them to date plans by.
 */
@Service
public class StepEstimateHistory {

    static final int MONTHS = 12;

    private final WinLossQueries queries;
    private final Holidays holidays;
    private final Clock clock;

    StepEstimateHistory(WinLossQueries queries, Holidays holidays, Clock clock) {
        this.queries = queries;
        this.holidays = holidays;
        this.clock = clock;
    }

    /** The estimate as it stood at the end of one month; {@code medianBusinessDays} is null without samples. */
    public record Point(LocalDate monthEnd, int samples, Double medianBusinessDays, boolean usedForEstimates) {
    }

    public record StepEstimate(String key, List<Point> points) {
    }

    /** The last twelve month-ends before today, oldest first. */
    public List<LocalDate> monthEnds() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        List<LocalDate> ends = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            ends.add(last.minusMonths(i).atEndOfMonth());
        }
        return ends;
    }

    /** Every step key done in the last two years, by key, each with one point per month-end. */
    public List<StepEstimate> history() {
        List<LocalDate> ends = monthEnds();
        LocalDate firstDay = ends.get(0).minusYears(1).plusDays(1);
        Instant since = firstDay.atStartOfDay(clock.getZone()).toInstant();
        BusinessCalendar calendar = holidays.calendar();
        Map<String, List<Sample>> byKey = new TreeMap<>();
        for (DoneStep step : queries.doneStepsSince(since)) {
            LocalDate completed = day(step.completedAt());
            int days = Math.max(0, calendar.businessDaysBetween(day(step.startedAt()), completed)) + 1;
            byKey.computeIfAbsent(step.key(), key -> new ArrayList<>()).add(new Sample(completed, days));
        }
        List<StepEstimate> result = new ArrayList<>();
        byKey.forEach((key, samples) -> {
            List<Point> points = new ArrayList<>();
            for (LocalDate end : ends) {
                LocalDate after = end.minusYears(1);
                List<Integer> days = samples.stream()
                        .filter(s -> s.completed().isAfter(after) && !s.completed().isAfter(end))
                        .map(Sample::days).toList();
                points.add(new Point(end, days.size(), Stats.median(days),
                        days.size() >= DurationStatistics.MIN_SAMPLES));
            }
            if (points.stream().anyMatch(p -> p.samples() > 0)) {
                result.add(new StepEstimate(key, points));
            }
        });
        return result;
    }

    private record Sample(LocalDate completed, int days) {
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
