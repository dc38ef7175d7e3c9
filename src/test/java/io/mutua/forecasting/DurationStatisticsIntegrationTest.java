package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.Pipeline;
import io.mutua.plans.DurationEstimates;
import io.mutua.plans.DurationEstimates.Estimate;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stage and step durations against figures worked out by hand. Statistics are global and the database is shared,
 * so the stage is one this test adds to the pipeline and the step keys are its own; the history lies in weeks
 * without holidays, and a holiday it adds shortens the spans across it.
 *
 * <p>Business days between two days count the days after the first up to the second, so a stay from a Monday to the
 * Wednesday is 2; a step counts both its first and last day, so a step started and done on a Monday took 1.
 */
@IntegrationTest
class DurationStatisticsIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    Pipeline pipeline;
    @Autowired
    Holidays holidays;
    @Autowired
    DurationStatistics statistics;
    @Autowired
    DurationEstimates estimates;
    @Autowired
    Clock clock;

    SalesHistory history;
    String stage;
    String unique;
    /** Monday of week 0; weeks 0 to 5 have no holiday. */
    LocalDate monday;
    final List<LocalDate> addedHolidays = new ArrayList<>();

    @BeforeEach
    void aStageOfItsOwnAndAQuietStretchOfWeeks() {
        unique = TestData.unique();
        history = new SalesHistory(jdbc, clock.getZone(), data.user("REP", data.team("Statistics")).id());
        stage = pipeline.add("Statistics " + unique, 50).key();
        monday = SalesHistory.quietMonday(holidays.list().stream().map(Holidays.HolidayView::day).toList(),
                LocalDate.now(clock), 6);
        assertThat(monday).as("weeks 0 to 5 lie within the last twelve months")
                .isAfter(LocalDate.now(clock).minusWeeks(50));
    }

    @AfterEach
    void removeTheHistory() {
        history.removeAll();
        addedHolidays.forEach(holidays::remove);
        pipeline.delete(stage);
        statistics.refresh();
    }

    @Test
    void stageFiguresComeFromDealsClosedInTheLastTwelveMonthsInBusinessDays() {
        history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.WEDNESDAY));   // 2
        history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.THURSDAY));    // 3
        history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.FRIDAY));      // 4
        history.wonDeal(stage, day(2, DayOfWeek.MONDAY), day(3, DayOfWeek.THURSDAY));    // 4 + 4 = 8
        // Neither counts: the first deal is still open, the second closed thirteen months ago.
        history.openDeal(stage, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.TUESDAY));
        LocalDate longAgo = LocalDate.now(clock).minusMonths(13).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        history.wonDeal(stage, longAgo, longAgo.plusDays(1));
        statistics.refresh();

        // 2, 3, 4, 8: four deals, one short of dating plans by.
        assertThat(statistics.stage(stage)).hasValueSatisfying(durations -> {
            assertThat(durations.sampleSize()).isEqualTo(4);
            assertThat(durations.median()).isEqualTo(3.5);
            assertThat(durations.usedForEstimates()).isFalse();
        });
        assertThat(estimates.estimate("stat-none-" + unique, stage, 2, 7))
                .isEqualTo(new Estimate(7, EstimateSource.PLAYBOOK_DEFAULT, 0));

        history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(1, DayOfWeek.FRIDAY));      // 4 + 5 = 9
        history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(2, DayOfWeek.MONDAY));      // 4 + 5 + 1 = 10
        statistics.refresh();

        // 2, 3, 4, 8, 9, 10: the median of an even count is the mean of the middle two, (4 + 8) / 2 = 6;
        // the mean is 36 / 6 = 6; the 80th percentile is the ceil(0.8 × 6) = 5th value, 9.
        assertThat(statistics.stage(stage)).contains(new Durations(6, 6.0, 6.0, 9));

        holidays.add(day(3, DayOfWeek.WEDNESDAY), "Statistics holiday " + unique);
        addedHolidays.add(day(3, DayOfWeek.WEDNESDAY));
        statistics.refresh();

        // The holiday falls within the 8-day stay only: 2, 3, 4, 7, 9, 10. Median (4 + 7) / 2 = 5.5,
        // mean 35 / 6 = 5.83 shown as 5.8, 80th percentile still the 5th value, 9.
        assertThat(statistics.stage(stage)).contains(new Durations(6, 5.5, 5.8, 9));
        assertThat(statistics.stages()).filteredOn(duration -> duration.stage().equals(stage)).singleElement()
                .satisfies(duration -> {
                    assertThat(duration.stageName()).isEqualTo("Statistics " + unique);
                    assertThat(duration.durations().usedForEstimates()).isTrue();
                });

        // A step without history of its own shares its stage's median with the stage's other steps, rounded up.
        assertThat(estimates.estimate("stat-none-" + unique, stage, 1, 7))
                .isEqualTo(new Estimate(6, EstimateSource.STAGE_HISTORY, 6));    // ceil(5.5)
        assertThat(estimates.estimate("stat-none-" + unique, stage, 2, 7))
                .isEqualTo(new Estimate(3, EstimateSource.STAGE_HISTORY, 6));    // ceil(2.75)
        assertThat(estimates.estimate("stat-none-" + unique, stage, 4, 7))
                .isEqualTo(new Estimate(2, EstimateSource.STAGE_HISTORY, 6));    // ceil(1.375)
        assertThat(estimates.estimate("stat-none-" + unique, stage, 12, 7))
                .as("never less than a day").isEqualTo(new Estimate(1, EstimateSource.STAGE_HISTORY, 6));
    }

    @Test
    void stepFiguresComeFromDoneStepsAndDateAStepBeforeItsStage() {
        String often = "stat-" + unique + "-often";
        String seldom = "stat-" + unique + "-seldom";
        SalesHistory.PlanRef plan = history.plan();
        history.doneStep(plan, often, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.MONDAY));       // 1
        history.doneStep(plan, often, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.TUESDAY));      // 2
        history.doneStep(plan, often, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.WEDNESDAY));    // 3
        history.doneStep(plan, often, day(0, DayOfWeek.MONDAY), day(0, DayOfWeek.FRIDAY));       // 5
        history.doneStep(plan, often, day(3, DayOfWeek.MONDAY), day(4, DayOfWeek.WEDNESDAY));    // 5 + 3 = 8
        // Neither counts: one is not done yet, the other was done thirteen months ago.
        history.startedStep(plan, often, day(0, DayOfWeek.MONDAY));
        LocalDate longAgo = LocalDate.now(clock).minusMonths(13).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        history.doneStep(plan, often, longAgo, longAgo.plusDays(4));
        history.doneStep(plan, seldom, day(1, DayOfWeek.MONDAY), day(1, DayOfWeek.TUESDAY));     // 2
        history.doneStep(plan, seldom, day(1, DayOfWeek.MONDAY), day(1, DayOfWeek.THURSDAY));    // 4
        history.doneStep(plan, seldom, day(1, DayOfWeek.MONDAY), day(1, DayOfWeek.FRIDAY));      // 5
        history.doneStep(plan, seldom, day(1, DayOfWeek.MONDAY), day(2, DayOfWeek.THURSDAY));    // 5 + 4 = 9
        for (int i = 0; i < 5; i++) {
            history.wonDeal(stage, day(0, DayOfWeek.MONDAY), day(2, DayOfWeek.MONDAY));          // 10 each
        }
        statistics.refresh();

        // 1, 2, 3, 5, 8: median 3, mean 19 / 5 = 3.8, 80th percentile the ceil(0.8 × 5) = 4th value, 5.
        assertThat(statistics.step(often)).contains(new Durations(5, 3.0, 3.8, 5));
        // 2, 4, 5, 9: median (4 + 5) / 2 = 4.5, mean 20 / 4 = 5, 80th percentile the ceil(3.2) = 4th value, 9.
        assertThat(statistics.step(seldom)).contains(new Durations(4, 4.5, 5.0, 9));
        assertThat(statistics.steps()).extracting(StepDuration::key).containsSubsequence(often, seldom).isSorted();

        holidays.add(day(3, DayOfWeek.WEDNESDAY), "Statistics holiday " + unique);
        addedHolidays.add(day(3, DayOfWeek.WEDNESDAY));
        statistics.refresh();

        // The holiday shortens the 8-day step to 7: 1, 2, 3, 5, 7 — mean 18 / 5 = 3.6.
        assertThat(statistics.step(often)).contains(new Durations(5, 3.0, 3.6, 5));
        assertThat(statistics.step(seldom)).contains(new Durations(4, 4.5, 5.0, 9));

        // Five samples date the step by its own median; four do not, so its stage's median (10, shared by 2
        // steps) does; without stage history either, the playbook's default does.
        assertThat(estimates.estimate(often, stage, 2, 7)).isEqualTo(new Estimate(3, EstimateSource.STEP_HISTORY, 5));
        assertThat(estimates.estimate(seldom, stage, 2, 7))
                .isEqualTo(new Estimate(5, EstimateSource.STAGE_HISTORY, 5));
        assertThat(estimates.estimate(seldom, "stat-no-stage-" + unique, 2, 7))
                .isEqualTo(new Estimate(7, EstimateSource.PLAYBOOK_DEFAULT, 0));
    }

    /** The given day of week {@code week} (week 0 starts on {@link #monday}). */
    private LocalDate day(int week, DayOfWeek dayOfWeek) {
        return monday.plusWeeks(week).with(TemporalAdjusters.nextOrSame(dayOfWeek));
    }
}
