package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The print timeline: where each step's bar starts and ends across the plan's dates, and how it is coloured. */
class PlanTimelineTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Test
    void barsSpanTheirStepsAcrossTheWholePlanAndMonthStartsAreMarked() {
        // 1 March to 9 May: 70 days.
        MilestoneView decision = milestone("Decision",
                step("Kick-off", MARCH_1, MARCH_1.plusDays(6), StepStatus.IN_PROGRESS, null, false),
                step("Contract", MARCH_1.plusDays(35), MARCH_1.plusDays(69), StepStatus.NOT_STARTED, null, false));

        PlanTimeline timeline = PlanTimeline.of(List.of(decision), MARCH_1.plusDays(7), ATHENS);

        assertThat(timeline.from()).isEqualTo(MARCH_1);
        assertThat(timeline.to()).isEqualTo(MARCH_1.plusDays(69));
        assertThat(timeline.lanes()).singleElement().satisfies(lane -> {
            assertThat(lane.milestone()).isEqualTo("Decision");
            assertThat(lane.bars()).extracting(PlanTimeline.Bar::title, PlanTimeline.Bar::left,
                    PlanTimeline.Bar::width, PlanTimeline.Bar::state).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Kick-off", "0.00%", "10.00%", "in-progress"),
                            org.assertj.core.groups.Tuple.tuple("Contract", "50.00%", "50.00%", "not-started"));
        });
        assertThat(timeline.today()).isEqualTo("10.00%");
        assertThat(timeline.ticks()).extracting(PlanTimeline.Tick::month)
                .containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        assertThat(timeline.ticks().get(0).left()).isEqualTo("44.29%");
    }

    @Test
    void aFinishedStepEndsWhenItWasDoneAndLateOnesShowAsOverdue() {
        Instant doneOnThe10th = MARCH_1.plusDays(9).atTime(9, 0).atZone(ATHENS).toInstant();
        MilestoneView milestone = milestone("Trial",
                step("Trial", MARCH_1, MARCH_1.plusDays(19), StepStatus.DONE, doneOnThe10th, false),
                step("Review", MARCH_1.plusDays(10), MARCH_1.plusDays(19), StepStatus.IN_PROGRESS, null, true),
                step("Skipped", MARCH_1.plusDays(10), MARCH_1.plusDays(19), StepStatus.SKIPPED, null, true));

        PlanTimeline timeline = PlanTimeline.of(List.of(milestone), MARCH_1.plusDays(90), ATHENS);

        assertThat(timeline.lanes().get(0).bars()).extracting(PlanTimeline.Bar::end, PlanTimeline.Bar::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MARCH_1.plusDays(9), "done"),
                        org.assertj.core.groups.Tuple.tuple(MARCH_1.plusDays(19), "overdue"),
                        org.assertj.core.groups.Tuple.tuple(MARCH_1.plusDays(19), "skipped"));
        assertThat(timeline.today()).as("today is after the plan, so it is not marked").isNull();
    }

    @Test
    void aPlanWithoutStepsHasAnEmptyTimeline() {
        assertThat(PlanTimeline.of(List.of(milestone("Empty")), MARCH_1, ATHENS).empty()).isTrue();
    }

    static MilestoneView milestone(String title, StepView... steps) {
        return new MilestoneView(UUID.randomUUID(), title, 0, List.of(steps), 0);
    }

    static StepView step(String title, LocalDate start, LocalDate target, StepStatus status, Instant completedAt,
            boolean overdue) {
        return step(title, Visibility.SHARED, start, target, status, completedAt, overdue);
    }

    static StepView step(String title, Visibility visibility, LocalDate start, LocalDate target, StepStatus status,
            Instant completedAt, boolean overdue) {
        return new StepView(UUID.randomUUID(), null, 0, null, title, null, Side.SELLER, null, visibility, null, 5,
                null, 0, status, target, start, target, false, null, completedAt, List.of(), List.of(), null, overdue,
                0);
    }
}
