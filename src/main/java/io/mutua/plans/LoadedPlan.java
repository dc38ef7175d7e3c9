package io.mutua.plans;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A plan with its milestones and steps, as read in one go, and the scheduler's view of it: finished and pinned
 * steps are fixed on their dates, the others may move.
 */
record LoadedPlan(Plan plan, List<PlanMilestone> milestones, List<PlanStep> steps) {

    LoadedPlan {
        milestones = milestones.stream().sorted(Comparator.comparingInt(PlanMilestone::position)).toList();
        Map<UUID, Integer> milestoneOrder = new HashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            milestoneOrder.put(milestones.get(i).id(), i);
        }
        steps = steps.stream()
                .sorted(Comparator.comparing((PlanStep step) -> milestoneOrder.getOrDefault(step.milestoneId(), 0))
                        .thenComparingInt(PlanStep::position))
                .toList();
    }

    Optional<PlanStep> step(UUID id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst();
    }

    Optional<PlanMilestone> milestone(UUID id) {
        return milestones.stream().filter(milestone -> milestone.id().equals(id)).findFirst();
    }

    List<PlanStep> stepsOf(UUID milestoneId) {
        return steps.stream().filter(step -> step.milestoneId().equals(milestoneId)).toList();
    }

    List<ScheduleItem> items(ZoneId zone) {
        Set<UUID> ids = steps.stream().map(PlanStep::id).collect(Collectors.toSet());
        return steps.stream().map(step -> {
            Set<UUID> dependsOn = step.dependsOn().stream().filter(ids::contains)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return fixedOn(step, zone)
                    .map(date -> ScheduleItem.fixed(step.id(), step.durationDays(), dependsOn, date))
                    .orElseGet(() -> ScheduleItem.movable(step.id(), step.durationDays(), dependsOn));
        }).toList();
    }

    /** The date a step is held on: its completion when done, its target when skipped or pinned. */
    static Optional<LocalDate> fixedOn(PlanStep step, ZoneId zone) {
        if (step.status() == StepStatus.DONE && step.completedAt() != null) {
            return Optional.of(LocalDate.ofInstant(step.completedAt(), zone));
        }
        if (step.status().finished() || step.pinned()) {
            return Optional.of(step.targetDate());
        }
        return Optional.empty();
    }

    /** The dates as they stand, done steps on their completion day. */
    Map<UUID, LocalDate> targets(ZoneId zone) {
        Map<UUID, LocalDate> targets = new HashMap<>();
        for (PlanStep step : steps) {
            boolean done = step.status() == StepStatus.DONE && step.completedAt() != null;
            targets.put(step.id(), done ? LocalDate.ofInstant(step.completedAt(), zone) : step.targetDate());
        }
        return targets;
    }

    Schedule schedule(BusinessCalendar calendar, ZoneId zone) {
        Map<UUID, LocalDate> targets = new HashMap<>();
        Map<UUID, LocalDate> starts = new HashMap<>();
        targets(zone).forEach((id, date) -> targets.put(id, calendar.onOrAfter(date)));
        for (PlanStep step : steps) {
            starts.put(step.id(), calendar.plusBusinessDays(targets.get(step.id()), -(step.durationDays() - 1)));
        }
        return new Schedule(starts, targets);
    }

    Set<UUID> pinned() {
        return steps.stream().filter(PlanStep::pinned).map(PlanStep::id).collect(Collectors.toSet());
    }

    Set<UUID> finished() {
        return steps.stream().filter(step -> step.status().finished()).map(PlanStep::id).collect(Collectors.toSet());
    }
}
