package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.DurationEstimates;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.StepStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClosePredictionTest {

    /** A Monday in a week without holidays. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final BusinessCalendar NO_HOLIDAYS = new BusinessCalendar(Set.of());

    /** Learned durations by step key; other steps keep the playbook default they are given. */
    private static DurationEstimates learned(Map<String, Integer> byKey, List<String> calls) {
        return (stepKey, stageKey, stepsInStage, defaultDays) -> {
            calls.add(stepKey + "/" + stageKey + "/" + stepsInStage);
            Integer days = byKey.get(stepKey);
            return days == null ? new DurationEstimates.Estimate(defaultDays, EstimateSource.PLAYBOOK_DEFAULT, 0)
                    : new DurationEstimates.Estimate(days, EstimateSource.STEP_HISTORY, 5);
        };
    }

    private static final DurationEstimates DEFAULTS = learned(Map.of(), new ArrayList<>());

    private static ClosePrediction.Step step(UUID id, String key, StepStatus status, int days, UUID... dependsOn) {
        return new ClosePrediction.Step(id, key, "proposal", key, status, days, false, false, MONDAY, null,
                Set.copyOf(Arrays.asList(dependsOn)));
    }

    @Test
    void aChainOfStepsEndsWhenItsLastStepIsDueCountingBusinessDaysFromToday() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<ClosePrediction.Step> steps = List.of(step(a, "a", StepStatus.NOT_STARTED, 3),
                step(b, "b", StepStatus.NOT_STARTED, 2, a));

        assertThat(ClosePrediction.fromPlan(steps, MONDAY, NO_HOLIDAYS, DEFAULTS))
                .as("a: Mon-Wed, b: Thu-Fri").isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void stepsTakeTheirCurrentLearnedDurationSharedAmongTheStepsOfTheirStage() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<String> calls = new ArrayList<>();
        List<ClosePrediction.Step> steps = List.of(step(a, "a", StepStatus.NOT_STARTED, 3),
                step(b, "b", StepStatus.NOT_STARTED, 2, a));

        LocalDate end = ClosePrediction.fromPlan(steps, MONDAY, NO_HOLIDAYS, learned(Map.of("b", 4), calls));

        assertThat(end).as("b now takes 4 business days: Thu, Fri, Mon, Tue").isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(calls).containsExactlyInAnyOrder("a/proposal/2", "b/proposal/2");
    }

    @Test
    void aDurationTheUserTypedIsKeptWhateverHistorySays() {
        UUID a = UUID.randomUUID();
        List<ClosePrediction.Step> steps = List.of(new ClosePrediction.Step(a, "a", "proposal", "A",
                StepStatus.NOT_STARTED, 2, true, false, MONDAY, null, Set.of()));

        assertThat(ClosePrediction.fromPlan(steps, MONDAY, NO_HOLIDAYS, learned(Map.of("a", 9), new ArrayList<>())))
                .isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void doneAndSkippedStepsAreFinishedAndNothingWaitsForThem() {
        UUID done = UUID.randomUUID();
        UUID skipped = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        List<ClosePrediction.Step> steps = List.of(step(done, "done", StepStatus.DONE, 10),
                step(skipped, "skipped", StepStatus.SKIPPED, 10, done),
                step(next, "next", StepStatus.NOT_STARTED, 2, done, skipped));

        assertThat(ClosePrediction.fromPlan(steps, MONDAY, NO_HOLIDAYS, DEFAULTS)).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aStepInProgressOnlyNeedsWhatIsLeftAndAtLeastOneDay() {
        UUID a = UUID.randomUUID();
        LocalDate lastWednesday = LocalDate.of(2026, 2, 25);
        List<ClosePrediction.Step> started = List.of(new ClosePrediction.Step(a, "a", "proposal", "A",
                StepStatus.IN_PROGRESS, 5, false, false, MONDAY, lastWednesday, Set.of()));
        List<ClosePrediction.Step> longAgo = List.of(new ClosePrediction.Step(a, "a", "proposal", "A",
                StepStatus.IN_PROGRESS, 5, false, false, MONDAY, lastWednesday.minusWeeks(4), Set.of()));

        assertThat(ClosePrediction.fromPlan(started, MONDAY, NO_HOLIDAYS, DEFAULTS))
                .as("5 days, 3 business days gone (Thu, Fri, Mon): 2 left").isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(ClosePrediction.fromPlan(longAgo, MONDAY, NO_HOLIDAYS, DEFAULTS)).isEqualTo(MONDAY);
    }

    @Test
    void aPinnedStepStaysOnItsCommittedDateAndWhatFollowsItWaits() {
        UUID board = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        LocalDate boardMeeting = LocalDate.of(2026, 3, 20);
        List<ClosePrediction.Step> steps = List.of(
                new ClosePrediction.Step(board, "board", "proposal", "Board meeting", StepStatus.NOT_STARTED, 1, false,
                        true, boardMeeting, null, Set.of()),
                step(contract, "contract", StepStatus.NOT_STARTED, 2, board));

        assertThat(ClosePrediction.fromPlan(steps, MONDAY, NO_HOLIDAYS, DEFAULTS))
                .as("Mon 23 and Tue 24 after the Friday board meeting").isEqualTo(LocalDate.of(2026, 3, 24));
    }

    @Test
    void holidaysAreNotWorked() {
        UUID a = UUID.randomUUID();
        BusinessCalendar calendar = new BusinessCalendar(Set.of(LocalDate.of(2026, 3, 4)));

        assertThat(ClosePrediction.fromPlan(List.of(step(a, "a", StepStatus.NOT_STARTED, 3)), MONDAY, calendar,
                DEFAULTS)).as("Mon, Tue, (holiday), Thu").isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void aPlanWithEveryStepFinishedClosesOnTheNextBusinessDay() {
        UUID a = UUID.randomUUID();
        LocalDate friday = LocalDate.of(2026, 3, 6);

        assertThat(ClosePrediction.fromPlan(List.of(step(a, "a", StepStatus.DONE, 3)), friday, NO_HOLIDAYS, DEFAULTS))
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void withoutAPlanTheRemainingStagesWithEnoughHistoryAddUp() {
        ClosePrediction.Predicted predicted = ClosePrediction.fromStages(Arrays.asList(5.0, null, 3.0), MONDAY,
                NO_HOLIDAYS);

        assertThat(predicted).isEqualTo(new ClosePrediction.Predicted(LocalDate.of(2026, 3, 12),
                PredictionSource.STAGES));
        assertThat(ClosePrediction.fromStages(Arrays.asList(null, null), MONDAY, NO_HOLIDAYS))
                .isEqualTo(ClosePrediction.Predicted.NONE);
    }
}
