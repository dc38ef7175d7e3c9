package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.deals.DealId;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Test
    void drawsOneBarPerStepFromItsStartToTheEndOfItsTargetDay() {
        StepView discovery = step("Discovery call", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 6));
        StepView demo = step("Demo", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13));
        Timeline timeline = Timeline.of(plan(null, milestone("Discovery", discovery), milestone("Evaluation", demo)),
                TODAY, ZoneOffset.UTC);

        assertThat(timeline.groups()).extracting(Timeline.Group::title).containsExactly("Discovery", "Evaluation");
        assertThat(timeline.rowCount()).isEqualTo(2);
        Timeline.Row first = timeline.groups().get(0).rows().get(0);
        Timeline.Row second = timeline.groups().get(1).rows().get(0);
        int day = timeline.dayWidth();
        assertThat(first.bar().width()).isEqualTo(3 * day);
        assertThat(second.bar().width()).isEqualTo(5 * day);
        assertThat(second.bar().x() - first.bar().x()).isEqualTo(5 * day);
        assertThat(second.y()).isGreaterThan(first.y() + first.barHeight());
        assertThat(timeline.groups().get(1).y()).isGreaterThan(first.y());
    }

    @Test
    void theGridRunsInWholeWeeksWithWeekendsShadedAndTodayMarked() {
        Timeline timeline = Timeline.of(plan(LocalDate.of(2026, 4, 30),
                milestone("Only", step("Step", TODAY, LocalDate.of(2026, 3, 20)))), TODAY, ZoneOffset.UTC);

        assertThat(timeline.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(timeline.to().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(timeline.from()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(timeline.to()).isAfterOrEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(timeline.weeks()).hasSize(timeline.weekends().size());
        for (int i = 0; i < timeline.weeks().size(); i++) {
            assertThat(timeline.weekends().get(i).x() - timeline.weeks().get(i).x()).isEqualTo(5 * timeline.dayWidth());
            assertThat(timeline.weekends().get(i).width()).isEqualTo(2 * timeline.dayWidth());
        }
        int day = timeline.dayWidth();
        assertThat(timeline.today().x()).isEqualTo(timeline.chartLeft() + 2 * day + day / 2);
        long toClose = ChronoUnit.DAYS.between(timeline.from(), LocalDate.of(2026, 4, 30));
        assertThat(timeline.expectedClose().x()).isEqualTo(timeline.chartLeft() + (int) (toClose + 1) * day);
    }

    @Test
    void withoutACloseDateThereIsNoCloseLine() {
        Timeline timeline = Timeline.of(plan(null, milestone("Only", step("Step", TODAY, TODAY))), TODAY,
                ZoneOffset.UTC);

        assertThat(timeline.expectedClose()).isNull();
        assertThat(ChronoUnit.DAYS.between(timeline.from(), timeline.to()) + 1).isEqualTo(28);
    }

    @Test
    void barsAreColouredByStateAndADoneStepEndsWhenItWasDone() {
        StepView done = step("Done", LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 27), StepStatus.DONE,
                Instant.parse("2026-03-03T10:00:00Z"), false);
        StepView late = step("Late", LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 2), StepStatus.IN_PROGRESS,
                null, true);
        StepView working = step("Working", TODAY, LocalDate.of(2026, 3, 10), StepStatus.IN_PROGRESS, null, false);
        StepView blocked = step("Blocked", TODAY, LocalDate.of(2026, 3, 10), StepStatus.BLOCKED, null, false);
        StepView waiting = step("Waiting", TODAY, LocalDate.of(2026, 3, 10));
        Timeline timeline = Timeline.of(plan(null, milestone("All", done, late, working, blocked, waiting)), TODAY,
                ZoneOffset.UTC);

        List<Timeline.Row> rows = timeline.groups().get(0).rows();
        assertThat(rows).extracting(Timeline.Row::state)
                .containsExactly("done", "overdue", "in-progress", "blocked", "not-started");
        assertThat(rows.get(0).end()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(timeline.from()).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void aSlippedStepShowsWhereItsBaselineWas() {
        StepView slipped = new StepView(UUID.randomUUID(), UUID.randomUUID(), 0, null, "Slipped", null, Side.SELLER,
                null, Visibility.INTERNAL, null, 3, EstimateSource.MANUAL, 0, StepStatus.NOT_STARTED,
                LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11), false, null, null,
                List.of(), List.of(), null, false, 1);
        StepView onTime = step("On time", TODAY, LocalDate.of(2026, 3, 6));
        Timeline timeline = Timeline.of(plan(null, milestone("M", slipped, onTime)), TODAY, ZoneOffset.UTC);

        Timeline.Row row = timeline.groups().get(0).rows().get(0);
        int day = timeline.dayWidth();
        assertThat(row.baselineX()).isEqualTo(timeline.chartLeft() + 4 * day + day / 2);
        assertThat(timeline.groups().get(0).rows().get(1).baselineX()).isNull();
    }

    @Test
    void twentyStepsOverFourMonthsStayReadable() {
        List<MilestoneView> milestones = new ArrayList<>();
        LocalDate start = TODAY;
        for (int m = 0; m < 5; m++) {
            List<StepView> steps = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                LocalDate end = start.plusDays(5);
                steps.add(step("A step with a rather long title that goes on and on, number " + m + "." + s, start,
                        end));
                start = end.plusDays(1);
            }
            milestones.add(new MilestoneView(UUID.randomUUID(), "Milestone " + m, m, steps, 0));
        }
        PlanView plan = new PlanView(UUID.randomUUID(), new DealId(UUID.randomUUID()), "Deal", PlanKind.CLOSING,
                PlanStatus.ACTIVE, false, null, null, Instant.EPOCH, TODAY.plusMonths(4), start, true, 0, milestones,
                Audience.SELLER, "en", null, null, null, null, null, List.of(), 0);

        Timeline timeline = Timeline.of(plan, TODAY, ZoneOffset.UTC);

        assertThat(timeline.rowCount()).isEqualTo(20);
        assertThat(timeline.dayWidth()).isGreaterThanOrEqualTo(5);
        assertThat(timeline.width()).isBetween(900, 1100);
        assertThat(timeline.height()).isEqualTo(Timeline.HEADER_HEIGHT + 5 * Timeline.MILESTONE_HEIGHT
                + 20 * Timeline.ROW_HEIGHT + Timeline.BOTTOM_PADDING);
        assertThat(timeline.groups()).flatExtracting(Timeline.Group::rows)
                .allSatisfy(row -> assertThat(row.label()).hasSizeLessThanOrEqualTo(Timeline.MAX_LABEL)
                        .endsWith("…"));
        List<Timeline.MonthMark> labelled = timeline.months().stream().filter(Timeline.MonthMark::labelled).toList();
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < labelled.size(); i++) {
            assertThat(labelled.get(i).x() - labelled.get(i - 1).x()).isGreaterThanOrEqualTo(Timeline.MONTH_LABEL_ROOM);
        }
    }

    @Test
    void aMilestoneWithoutStepsHasATitleButNoSpan() {
        Timeline timeline = Timeline.of(plan(null, milestone("Empty")), TODAY, ZoneOffset.UTC);

        assertThat(timeline.groups()).singleElement().satisfies(group -> {
            assertThat(group.span()).isNull();
            assertThat(group.rows()).isEmpty();
        });
    }

    private static PlanView plan(LocalDate expectedClose, MilestoneView... milestones) {
        return new PlanView(UUID.randomUUID(), new DealId(UUID.randomUUID()), "Deal", PlanKind.CLOSING,
                PlanStatus.ACTIVE, false, null, null, Instant.EPOCH, expectedClose, null, true, 0, List.of(milestones),
                Audience.SELLER, "en", null, null, null, null, null, List.of(), 0);
    }

    private static MilestoneView milestone(String title, StepView... steps) {
        return new MilestoneView(UUID.randomUUID(), title, 0, List.of(steps), 0);
    }

    private static StepView step(String title, LocalDate start, LocalDate target) {
        return step(title, start, target, StepStatus.NOT_STARTED, null, false);
    }

    private static StepView step(String title, LocalDate start, LocalDate target, StepStatus status,
            Instant completedAt, boolean overdue) {
        return new StepView(UUID.randomUUID(), UUID.randomUUID(), 0, null, title, null, Side.SELLER, null,
                Visibility.INTERNAL, null, 3, EstimateSource.PLAYBOOK_DEFAULT, 0, status, target, start, target, false,
                null, completedAt, List.of(), List.of(), null, overdue, 0);
    }
}
