package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A diamond plan in March 2026 (the 1st is a Sunday; Wednesday the 25th is a holiday): A, then B and C, then
 * D after both, then E. Every date below was worked out on a paper calendar.
 */
class SchedulerTest {

    private static final UUID A = id(1);
    private static final UUID B = id(2);
    private static final UUID C = id(3);
    private static final UUID D = id(4);
    private static final UUID E = id(5);

    private final BusinessCalendar calendar = new BusinessCalendar(Set.of(march(25)));

    private static List<ScheduleItem> diamond() {
        return List.of(
                ScheduleItem.movable(A, 3, Set.of()),
                ScheduleItem.movable(B, 2, Set.of(A)),
                ScheduleItem.movable(C, 5, Set.of(A)),
                ScheduleItem.movable(D, 4, Set.of(B, C)),
                ScheduleItem.movable(E, 5, Set.of(D)));
    }

    /** The targets of {@link #diamond()} from Wednesday 4 March. */
    private static Map<UUID, LocalDate> diamondTargets() {
        return Map.of(A, march(6), B, march(10), C, march(13), D, march(19), E, march(27));
    }

    @Test
    void forwardPassStartsTodayAndWaitsForTheLastDependency() {
        Schedule schedule = Scheduler.forward(diamond(), march(4), calendar);

        assertThat(schedule.starts()).containsOnly(
                entry(A, march(4)), entry(B, march(9)), entry(C, march(9)), entry(D, march(16)), entry(E, march(20)));
        assertThat(schedule.targets()).isEqualTo(diamondTargets());
        assertThat(schedule.planEnd()).isEqualTo(march(27));
    }

    @Test
    void aStepOverAWeekendAndAHolidayTakesItsBusinessDaysOnly() {
        // E starts Friday 20th and works the 20th, 23rd, 24th, 26th and 27th.
        Schedule schedule = Scheduler.forward(List.of(ScheduleItem.movable(E, 5, Set.of())), march(20), calendar);

        assertThat(schedule.targets()).containsOnly(entry(E, march(27)));
    }

    @Test
    void aPlanMadeOnASaturdayStartsOnMonday() {
        Schedule schedule = Scheduler.forward(diamond(), march(7), calendar);

        assertThat(schedule.starts().get(A)).isEqualTo(march(9));
        assertThat(schedule.targets().get(A)).isEqualTo(march(11));
    }

    @Test
    void aDoneStepKeepsItsCompletionDayAndItsDependentsFollowIt() {
        // A was finished on Saturday the 7th, which counts as Monday the 9th.
        List<ScheduleItem> items = List.of(
                ScheduleItem.fixed(A, 3, Set.of(), march(7)),
                ScheduleItem.movable(B, 2, Set.of(A)));

        Schedule schedule = Scheduler.forward(items, march(4), calendar);

        assertThat(schedule.targets()).containsOnly(entry(A, march(9)), entry(B, march(11)));
        assertThat(schedule.starts()).containsOnly(entry(A, march(5)), entry(B, march(10)));
    }

    @Test
    void aPinnedStepStaysPutAndPushesWhatFollowsIt() {
        List<ScheduleItem> items = List.of(
                ScheduleItem.movable(A, 3, Set.of()),
                ScheduleItem.movable(B, 2, Set.of(A)),
                ScheduleItem.movable(C, 5, Set.of(A)),
                ScheduleItem.fixed(D, 4, Set.of(B, C), march(20)),
                ScheduleItem.movable(E, 5, Set.of(D)));

        Schedule schedule = Scheduler.forward(items, march(4), calendar);

        assertThat(schedule.starts().get(D)).isEqualTo(march(17));
        assertThat(schedule.targets().get(D)).isEqualTo(march(20));
        assertThat(schedule.targets().get(E)).isEqualTo(march(30));
    }

    @Test
    void anEmptyPlanHasNoEnd() {
        Schedule schedule = Scheduler.forward(List.of(), march(4), calendar);
        Slack slack = Scheduler.backward(List.of(), schedule, march(4), calendar);

        assertThat(schedule.planEnd()).isNull();
        assertThat(slack.feasible()).isTrue();
        assertThat(slack.businessDaysOver()).isZero();
    }

    @Test
    void backwardPassGivesEachStepItsRoomBeforeTheDeadline() {
        Schedule schedule = Scheduler.forward(diamond(), march(4), calendar);

        Slack slack = Scheduler.backward(diamond(), schedule, LocalDate.of(2026, 4, 3), calendar);

        assertThat(slack.feasible()).isTrue();
        assertThat(slack.businessDaysOver()).isZero();
        assertThat(slack.slackDays()).containsOnly(entry(A, 5), entry(B, 8), entry(C, 5), entry(D, 5), entry(E, 5));
        assertThat(slack.latestFinishes()).containsOnly(
                entry(A, march(13)), entry(B, march(20)), entry(C, march(20)), entry(D, march(27)),
                entry(E, LocalDate.of(2026, 4, 3)));
        assertThat(slack.latestStarts()).containsOnly(
                entry(A, march(11)), entry(B, march(19)), entry(C, march(16)), entry(D, march(23)),
                entry(E, march(30)));
    }

    @Test
    void aPlanEndingAfterTheDeadlineIsInfeasibleByTheBusinessDaysOver() {
        Schedule schedule = Scheduler.forward(diamond(), march(4), calendar);

        Slack monday = Scheduler.backward(diamond(), schedule, march(23), calendar);
        assertThat(monday.feasible()).isFalse();
        assertThat(monday.businessDaysOver()).isEqualTo(3);

        // A Sunday deadline means the Friday before: the 23rd, 24th, 26th and 27th are over.
        Slack sunday = Scheduler.backward(diamond(), schedule, march(22), calendar);
        assertThat(sunday.deadline()).isEqualTo(march(20));
        assertThat(sunday.businessDaysOver()).isEqualTo(4);
        assertThat(sunday.slackDays())
                .containsOnly(entry(A, -4), entry(B, -1), entry(C, -4), entry(D, -4), entry(E, -4));
        assertThat(sunday.of(B)).isEqualTo(-1);
    }

    @Test
    void aStepDueAfterThePinnedStepItFeedsHasNegativeSlack() {
        // D is pinned to Friday the 13th, so it starts Tuesday the 10th, but C is due the 13th.
        List<ScheduleItem> items = List.of(
                ScheduleItem.movable(A, 3, Set.of()),
                ScheduleItem.movable(B, 2, Set.of(A)),
                ScheduleItem.movable(C, 5, Set.of(A)),
                ScheduleItem.fixed(D, 4, Set.of(B, C), march(13)),
                ScheduleItem.movable(E, 5, Set.of(D)));
        Schedule schedule = Scheduler.forward(items, march(4), calendar);

        Slack slack = Scheduler.backward(items, schedule, LocalDate.of(2026, 4, 3), calendar);

        assertThat(schedule.planEnd()).isEqualTo(march(20));
        assertThat(slack.feasible()).isTrue();
        assertThat(slack.slackDays()).containsOnly(entry(A, -4), entry(B, -1), entry(C, -4), entry(D, 0), entry(E, 9));
    }

    @Test
    void aSlipMovesEveryDependentByTheSameBusinessDays() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), A, march(10), Set.of(), Set.of(), calendar);

        assertThat(cascade.businessDays()).isEqualTo(2);
        assertThat(cascade.newTarget()).isEqualTo(march(10));
        assertThat(cascade.moved()).containsOnly(
                entry(B, march(12)), entry(C, march(17)), entry(D, march(23)), entry(E, march(31)));
        assertThat(cascade.movedSteps()).isEqualTo(4);
        assertThat(cascade.oldPlanEnd()).isEqualTo(march(27));
        assertThat(cascade.newPlanEnd()).isEqualTo(march(31));
    }

    @Test
    void aPinnedStepStopsTheCascade() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), A, march(10), Set.of(D), Set.of(), calendar);

        assertThat(cascade.moved()).containsOnly(entry(B, march(12)), entry(C, march(17)));
        assertThat(cascade.newPlanEnd()).isEqualTo(march(27));
    }

    @Test
    void aStepBehindAPinnedOneStillMovesWhenAnotherPathReachesIt() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), A, march(10), Set.of(B), Set.of(), calendar);

        assertThat(cascade.moved()).containsOnly(entry(C, march(17)), entry(D, march(23)), entry(E, march(31)));
    }

    @Test
    void doneStepsDoNotMove() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), A, march(10), Set.of(B), Set.of(C), calendar);

        assertThat(cascade.moved()).isEmpty();
        assertThat(cascade.newPlanEnd()).isEqualTo(march(27));
    }

    @Test
    void aNewDateOnAHolidayMeansTheNextBusinessDay() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), D, march(25), Set.of(), Set.of(), calendar);

        assertThat(cascade.newTarget()).isEqualTo(march(26));
        assertThat(cascade.businessDays()).isEqualTo(4);
        assertThat(cascade.moved()).containsOnly(entry(E, LocalDate.of(2026, 4, 2)));
    }

    @Test
    void movingAStepEarlierPullsItsDependentsEarlier() {
        Cascade cascade = Scheduler.cascade(diamond(), diamondTargets(), C, march(11), Set.of(), Set.of(), calendar);

        assertThat(cascade.businessDays()).isEqualTo(-2);
        assertThat(cascade.moved()).containsOnly(entry(D, march(17)), entry(E, march(24)));
        assertThat(cascade.newPlanEnd()).isEqualTo(march(24));
    }

    @Test
    void finishingLateMovesTheDependentsByTheDaysLate() {
        // Finished on Saturday the 7th: that counts as Monday the 9th, one business day after Friday the 6th.
        Cascade cascade = Scheduler.completion(diamond(), diamondTargets(), A, march(7), Set.of(), Set.of(), calendar);

        assertThat(cascade.newTarget()).isEqualTo(march(9));
        assertThat(cascade.businessDays()).isEqualTo(1);
        assertThat(cascade.moved()).containsOnly(
                entry(B, march(11)), entry(C, march(16)), entry(D, march(20)), entry(E, march(30)));
        assertThat(cascade.newPlanEnd()).isEqualTo(march(30));
    }

    @Test
    void finishingEarlyMovesNothingElse() {
        Cascade cascade = Scheduler.completion(diamond(), diamondTargets(), A, march(5), Set.of(), Set.of(), calendar);

        assertThat(cascade.newTarget()).isEqualTo(march(5));
        assertThat(cascade.businessDays()).isZero();
        assertThat(cascade.moved()).isEmpty();
        assertThat(cascade.newPlanEnd()).isEqualTo(march(27));
    }

    @Test
    void refusesPlansThatCannotBeScheduled() {
        List<ScheduleItem> unknown = List.of(ScheduleItem.movable(A, 1, Set.of(B)));
        List<ScheduleItem> cycle = List.of(
                ScheduleItem.movable(A, 1, Set.of(C)),
                ScheduleItem.movable(B, 1, Set.of(A)),
                ScheduleItem.movable(C, 1, Set.of(B)));
        List<ScheduleItem> twice = List.of(ScheduleItem.movable(A, 1, Set.of()), ScheduleItem.movable(A, 2, Set.of()));

        assertThatThrownBy(() -> Scheduler.forward(unknown, march(4), calendar))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown step");
        assertThatThrownBy(() -> Scheduler.forward(cycle, march(4), calendar))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> Scheduler.forward(twice, march(4), calendar))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Scheduler.cascade(cycle, Map.of(A, march(4), B, march(5), C, march(6)), A,
                march(9), Set.of(), Set.of(), calendar)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scheduler.cascade(diamond(), Map.of(A, march(6)), A, march(9), Set.of(), Set.of(),
                calendar)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }
}
