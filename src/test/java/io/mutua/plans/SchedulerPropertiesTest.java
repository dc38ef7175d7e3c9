package io.mutua.plans;

import static io.mutua.plans.PlanGenerators.changes;
import static io.mutua.plans.PlanGenerators.plans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.mutua.plans.PlanGenerators.GeneratedChange;
import io.mutua.plans.PlanGenerators.GeneratedPlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on random acyclic plans of 5 to 40 steps, given in shuffled order, with random holidays and
 * random days from 2000 to 2075 as today; some steps are fixed (done or pinned) to days that may be off.
 */
class SchedulerPropertiesTest {

    private static final int EXAMPLES = 300;

    @Test
    void everyDateIsABusinessDayAndEveryStepTakesItsDuration() {
        qt().withExamples(EXAMPLES).forAll(plans(true)).checkAssert(plan -> {
            BusinessCalendar calendar = plan.calendar();
            Schedule schedule = Scheduler.forward(plan.items(), plan.today(), calendar);

            assertThat(schedule.targets().keySet()).isEqualTo(ids(plan));
            for (ScheduleItem item : plan.items()) {
                LocalDate start = schedule.starts().get(item.id());
                LocalDate target = schedule.targets().get(item.id());
                assertThat(calendar.isBusinessDay(start)).isTrue();
                assertThat(calendar.isBusinessDay(target)).isTrue();
                assertThat(calendar.businessDaysBetween(start, target) + 1).isEqualTo(item.durationDays());
                if (item.isFixed()) {
                    assertThat(target).isEqualTo(calendar.onOrAfter(item.fixedTarget()));
                }
            }
            assertThat(schedule.planEnd()).isEqualTo(Collections.max(schedule.targets().values()));
        });
    }

    @Test
    void aMovableStepStartsOnTheFirstDayAllowedByTodayAndItsDependencies() {
        qt().withExamples(EXAMPLES).forAll(plans(true)).checkAssert(plan -> {
            BusinessCalendar calendar = plan.calendar();
            Schedule schedule = Scheduler.forward(plan.items(), plan.today(), calendar);

            for (ScheduleItem item : plan.items()) {
                if (item.isFixed()) {
                    continue;
                }
                LocalDate start = schedule.starts().get(item.id());
                assertThat(start).isAfterOrEqualTo(plan.today());
                LocalDate earliest = calendar.onOrAfter(plan.today());
                for (UUID dependency : item.dependsOn()) {
                    LocalDate dependencyDue = schedule.targets().get(dependency);
                    assertThat(start).isAfter(dependencyDue);
                    LocalDate next = calendar.plusBusinessDays(dependencyDue, 1);
                    earliest = next.isAfter(earliest) ? next : earliest;
                }
                assertThat(start).isEqualTo(earliest);
            }
        });
    }

    @Test
    void theOrderOfTheStepsDoesNotMatter() {
        qt().withExamples(EXAMPLES).forAll(plans(true)).checkAssert(plan -> {
            List<ScheduleItem> reversed = new ArrayList<>(plan.items());
            Collections.reverse(reversed);

            assertThat(Scheduler.forward(reversed, plan.today(), plan.calendar()))
                    .isEqualTo(Scheduler.forward(plan.items(), plan.today(), plan.calendar()));
        });
    }

    @Test
    void aDependencyBackOnALaterStepIsRefusedAsACycle() {
        qt().withExamples(EXAMPLES)
                .forAll(plans(false), integers().between(0, 1000))
                .assuming((plan, pick) -> plan.items().stream().anyMatch(item -> !item.dependsOn().isEmpty()))
                .checkAssert((plan, pick) -> {
                List<ScheduleItem> withDependencies =
                        plan.items().stream().filter(item -> !item.dependsOn().isEmpty()).toList();
                ScheduleItem last = withDependencies.get(pick % withDependencies.size());
                UUID first = last.dependsOn().iterator().next();
                List<ScheduleItem> cyclic = plan.items().stream()
                        .map(item -> item.id().equals(first) ? withDependency(item, last.id()) : item)
                        .toList();

                assertThatThrownBy(() -> Scheduler.forward(cyclic, plan.today(), plan.calendar()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cycle");
                });
    }

    @Test
    void withTheDeadlineOnThePlanEndNoStepIsLateAndTheLastStepsHaveNoSlack() {
        qt().withExamples(EXAMPLES).forAll(plans(true)).checkAssert(plan -> {
            BusinessCalendar calendar = plan.calendar();
            Schedule schedule = Scheduler.forward(plan.items(), plan.today(), calendar);

            Slack slack = Scheduler.backward(plan.items(), schedule, schedule.planEnd(), calendar);

            assertThat(slack.feasible()).isTrue();
            assertThat(slack.businessDaysOver()).isZero();
            assertThat(slack.slackDays().keySet()).isEqualTo(ids(plan));
            boolean fixedStepsFit = fixedStepsStartAfterTheirDependencies(plan, schedule);
            assertThat(slack.slackDays().values().stream().allMatch(days -> days >= 0))
                    .as("every slack >= 0 exactly when each fixed step starts after its dependencies are due")
                    .isEqualTo(fixedStepsFit);
            if (fixedStepsFit) {
                plan.items().stream()
                        .filter(item -> schedule.targets().get(item.id()).equals(schedule.planEnd()))
                        .forEach(item -> assertThat(slack.of(item.id())).isZero());
            }
        });
    }

    @Test
    void aDeadlineBeforeThePlanEndIsMissedByExactlyTheBusinessDaysBetween() {
        qt().withExamples(EXAMPLES).forAll(plans(true), integers().between(1, 300)).checkAssert((plan, k) -> {
            BusinessCalendar calendar = plan.calendar();
            Schedule schedule = Scheduler.forward(plan.items(), plan.today(), calendar);

            Slack slack = Scheduler.backward(plan.items(), schedule,
                    calendar.plusBusinessDays(schedule.planEnd(), -k), calendar);

            assertThat(slack.feasible()).isFalse();
            assertThat(slack.businessDaysOver()).isEqualTo(k);
        });
    }

    @Test
    void withoutFixedStepsAnEarlierDeadlineTakesTheSameDaysFromEverySlack() {
        qt().withExamples(EXAMPLES).forAll(plans(false), integers().between(-300, 300)).checkAssert((plan, k) -> {
            BusinessCalendar calendar = plan.calendar();
            Schedule schedule = Scheduler.forward(plan.items(), plan.today(), calendar);

            Slack onTime = Scheduler.backward(plan.items(), schedule, schedule.planEnd(), calendar);
            Slack moved = Scheduler.backward(plan.items(), schedule,
                    calendar.plusBusinessDays(schedule.planEnd(), k), calendar);

            for (ScheduleItem item : plan.items()) {
                assertThat(moved.of(item.id())).isEqualTo(onTime.of(item.id()) + k);
                LocalDate latestStart = moved.latestStarts().get(item.id());
                LocalDate latestFinish = moved.latestFinishes().get(item.id());
                assertThat(calendar.businessDaysBetween(latestStart, latestFinish) + 1).isEqualTo(item.durationDays());
            }
        });
    }

    @Test
    void aSlipMovesExactlyTheDependentsReachableAroundPinnedAndDoneStepsByTheSameBusinessDays() {
        qt().withExamples(EXAMPLES).forAll(changes()).checkAssert(change -> {
            GeneratedPlan plan = change.plan();
            BusinessCalendar calendar = plan.calendar();
            Map<UUID, LocalDate> targets = Scheduler.forward(plan.items(), plan.today(), calendar).targets();

            Cascade cascade = Scheduler.cascade(plan.items(), targets, change.changed(), change.newTarget(),
                    change.pinned(), change.done(), calendar);

            LocalDate newTarget = calendar.onOrAfter(change.newTarget());
            int delta = calendar.businessDaysBetween(targets.get(change.changed()), newTarget);
            assertThat(cascade.newTarget()).isEqualTo(newTarget);
            assertThat(cascade.businessDays()).isEqualTo(delta);
            assertMovesReachableDependents(change, targets, cascade, delta, calendar);
        });
    }

    @Test
    void finishingLateMovesLikeASlipAndFinishingEarlyMovesNothingElse() {
        qt().withExamples(EXAMPLES).forAll(changes()).checkAssert(change -> {
            GeneratedPlan plan = change.plan();
            BusinessCalendar calendar = plan.calendar();
            Map<UUID, LocalDate> targets = Scheduler.forward(plan.items(), plan.today(), calendar).targets();
            LocalDate completedOn = change.newTarget();

            Cascade completion = Scheduler.completion(plan.items(), targets, change.changed(), completedOn,
                    change.pinned(), change.done(), calendar);

            int late = calendar.businessDaysBetween(targets.get(change.changed()), calendar.onOrAfter(completedOn));
            assertThat(completion.newTarget()).isEqualTo(calendar.onOrAfter(completedOn));
            assertThat(completion.businessDays()).isEqualTo(Math.max(0, late));
            if (late > 0) {
                assertThat(completion).isEqualTo(Scheduler.cascade(plan.items(), targets, change.changed(),
                        completedOn, change.pinned(), change.done(), calendar));
            } else {
                assertThat(completion.moved()).isEmpty();
            }
            assertMovesReachableDependents(change, targets, completion, Math.max(0, late), calendar);
        });
    }

    /**
     * Checks the cascade against its definition, computed here as a fixed point rather than a walk: a step
     * moves when it is neither pinned nor done and one of its dependencies is the changed step or moves.
     */
    private static void assertMovesReachableDependents(GeneratedChange change, Map<UUID, LocalDate> targets,
            Cascade cascade, int delta, BusinessCalendar calendar) {
        List<ScheduleItem> items = change.plan().items();
        Set<UUID> expected = new HashSet<>();
        boolean grew = delta != 0;
        while (grew) {
            grew = false;
            for (ScheduleItem item : items) {
                boolean blocked = change.pinned().contains(item.id()) || change.done().contains(item.id())
                        || item.id().equals(change.changed());
                boolean reached = item.dependsOn().stream()
                        .anyMatch(dependency -> dependency.equals(change.changed()) || expected.contains(dependency));
                if (!blocked && reached && expected.add(item.id())) {
                    grew = true;
                }
            }
        }
        assertThat(cascade.moved().keySet()).isEqualTo(expected);
        cascade.moved().forEach((step, moved) -> {
            assertThat(calendar.businessDaysBetween(targets.get(step), moved)).isEqualTo(delta);
            assertThat(calendar.isBusinessDay(moved)).isTrue();
        });
        Map<UUID, LocalDate> after = new HashMap<>(targets);
        after.putAll(cascade.moved());
        after.put(change.changed(), cascade.newTarget());
        assertThat(cascade.oldPlanEnd()).isEqualTo(Collections.max(targets.values()));
        assertThat(cascade.newPlanEnd()).isEqualTo(Collections.max(after.values()));
    }

    /** True when no fixed step is due to start before a dependency of it is due: the plan has no conflict. */
    private static boolean fixedStepsStartAfterTheirDependencies(GeneratedPlan plan, Schedule schedule) {
        return plan.items().stream().filter(ScheduleItem::isFixed).allMatch(item -> item.dependsOn().stream()
                .allMatch(dependency -> schedule.targets().get(dependency).isBefore(schedule.starts().get(item.id()))));
    }

    private static ScheduleItem withDependency(ScheduleItem item, UUID dependency) {
        Set<UUID> dependsOn = new HashSet<>(item.dependsOn());
        dependsOn.add(dependency);
        return new ScheduleItem(item.id(), item.durationDays(), dependsOn, item.fixedTarget());
    }

    private static Set<UUID> ids(GeneratedPlan plan) {
        Set<UUID> ids = new HashSet<>();
        plan.items().forEach(item -> ids.add(item.id()));
        return ids;
    }
}
