package io.mutua.plans;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Dates of a closing plan from its steps' durations and finish-to-start dependencies, in business days.
 *
 * <p>Pure functions with no state, so the same code serves the plan page, the slip preview and the
 * forecast over every open plan. Every method checks the steps first and throws
 * {@link IllegalArgumentException} on a repeated id, a dependency on an unknown step or a cycle.
 */
public final class Scheduler {

    private Scheduler() {
    }

    /**
     * The earliest dates from {@code today}: each movable step starts on the first business day that is not
     * before today and comes after every one of its dependencies is due, and is due
     * {@code durationDays - 1} business days after it starts. A fixed step is due on its fixed date (the next
     * business day if that is not one) and starts {@code durationDays - 1} business days before; it does not
     * wait for its dependencies, so a dependency due after it shows up as negative slack in
     * {@link #backward}, not as a moved date.
     */
    public static Schedule forward(List<ScheduleItem> items, LocalDate today, BusinessCalendar calendar) {
        StepGraph graph = StepGraph.of(items);
        LocalDate firstDay = calendar.onOrAfter(today);
        Map<UUID, LocalDate> starts = new HashMap<>(items.size() * 2);
        Map<UUID, LocalDate> targets = new HashMap<>(items.size() * 2);
        for (ScheduleItem item : graph.dependenciesFirst()) {
            LocalDate start;
            LocalDate target;
            if (item.isFixed()) {
                target = calendar.onOrAfter(item.fixedTarget());
                start = calendar.plusBusinessDays(target, -(item.durationDays() - 1));
            } else {
                start = firstDay;
                for (UUID dependency : item.dependsOn()) {
                    LocalDate afterDependency = calendar.plusBusinessDays(targets.get(dependency), 1);
                    if (afterDependency.isAfter(start)) {
                        start = afterDependency;
                    }
                }
                target = calendar.plusBusinessDays(start, item.durationDays() - 1);
            }
            starts.put(item.id(), start);
            targets.put(item.id(), target);
        }
        return new Schedule(starts, targets);
    }

    /**
     * The latest dates that still meet {@code deadline} (moved back to a business day if it is not one): a
     * step must finish by the deadline and the business day before each of its dependents' latest start,
     * and must start {@code durationDays - 1} business days before that. A fixed step cannot move, so its
     * latest finish is also no later than its own target, and its slack is at most 0.
     *
     * @param schedule the forward pass of the same {@code items}
     */
    public static Slack backward(List<ScheduleItem> items, Schedule schedule, LocalDate deadline,
            BusinessCalendar calendar) {
        StepGraph graph = StepGraph.of(items);
        LocalDate lastDay = calendar.onOrBefore(deadline);
        Map<UUID, LocalDate> latestStarts = new HashMap<>(items.size() * 2);
        Map<UUID, LocalDate> latestFinishes = new HashMap<>(items.size() * 2);
        Map<UUID, Integer> slackDays = new HashMap<>(items.size() * 2);
        List<ScheduleItem> order = graph.dependenciesFirst();
        for (int i = order.size() - 1; i >= 0; i--) {
            ScheduleItem item = order.get(i);
            LocalDate target = schedule.targets().get(item.id());
            if (target == null) {
                throw new IllegalArgumentException("the schedule has no date for step " + item.id());
            }
            LocalDate latestFinish = lastDay;
            for (UUID dependent : graph.dependentsOf(item.id())) {
                LocalDate beforeDependent = calendar.plusBusinessDays(latestStarts.get(dependent), -1);
                if (beforeDependent.isBefore(latestFinish)) {
                    latestFinish = beforeDependent;
                }
            }
            if (item.isFixed() && target.isBefore(latestFinish)) {
                latestFinish = target;
            }
            latestFinishes.put(item.id(), latestFinish);
            latestStarts.put(item.id(), calendar.plusBusinessDays(latestFinish, -(item.durationDays() - 1)));
            slackDays.put(item.id(), calendar.businessDaysBetween(target, latestFinish));
        }
        LocalDate planEnd = latest(targets(items, schedule.targets()));
        int over = planEnd == null ? 0 : Math.max(0, calendar.businessDaysBetween(lastDay, planEnd));
        return new Slack(lastDay, latestStarts, latestFinishes, slackDays, over);
    }

    /**
     * The preview of moving step {@code changed} to {@code newTarget} (the next business day if that is not
     * one): its dependents, and theirs, move by the same number of business days, earlier or later. A pinned
     * or done step does not move and the move does not pass through it; its own dependents move only when
     * another path reaches them. {@code changed} itself takes the new date even when pinned or done, since
     * the user is changing it on purpose.
     *
     * @param currentTargets the target of every step in {@code items}; a target that is not a business day
     *     (a holiday added later) is moved from the next business day
     */
    public static Cascade cascade(List<ScheduleItem> items, Map<UUID, LocalDate> currentTargets, UUID changed,
            LocalDate newTarget, Set<UUID> pinned, Set<UUID> done, BusinessCalendar calendar) {
        LocalDate target = calendar.onOrAfter(newTarget);
        LocalDate current = currentTarget(currentTargets, changed);
        return move(items, currentTargets, changed, target, calendar.businessDaysBetween(current, target), pinned,
                done, calendar);
    }

    /**
     * The preview of marking step {@code step} done on {@code completedOn}: the step's date becomes its
     * completion day (the next business day if that is not one). Finishing late moves its dependents as
     * {@link #cascade} does, by the business days it was late; finishing early or on time moves nothing
     * else, because the other steps' owners planned around the original dates.
     */
    public static Cascade completion(List<ScheduleItem> items, Map<UUID, LocalDate> currentTargets, UUID step,
            LocalDate completedOn, Set<UUID> pinned, Set<UUID> done, BusinessCalendar calendar) {
        LocalDate completionDay = calendar.onOrAfter(completedOn);
        int late = calendar.businessDaysBetween(currentTarget(currentTargets, step), completionDay);
        return move(items, currentTargets, step, completionDay, Math.max(0, late), pinned, done, calendar);
    }

    private static Cascade move(List<ScheduleItem> items, Map<UUID, LocalDate> currentTargets, UUID changed,
            LocalDate newTarget, int businessDays, Set<UUID> pinned, Set<UUID> done, BusinessCalendar calendar) {
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(done, "done");
        StepGraph graph = StepGraph.of(items);
        if (!graph.contains(changed)) {
            throw new IllegalArgumentException("no such step: " + changed);
        }
        List<LocalDate> before = targets(items, currentTargets);
        Map<UUID, LocalDate> moved = new HashMap<>();
        if (businessDays != 0) {
            ArrayDeque<UUID> reached = new ArrayDeque<>(graph.dependentsOf(changed));
            Set<UUID> seen = new HashSet<>();
            while (!reached.isEmpty()) {
                UUID step = reached.poll();
                if (!seen.add(step) || pinned.contains(step) || done.contains(step)) {
                    continue;
                }
                LocalDate from = calendar.onOrAfter(currentTargets.get(step));
                moved.put(step, calendar.plusBusinessDays(from, businessDays));
                reached.addAll(graph.dependentsOf(step));
            }
        }
        LocalDate newPlanEnd = newTarget;
        for (ScheduleItem item : items) {
            if (!item.id().equals(changed)) {
                LocalDate after = moved.getOrDefault(item.id(), currentTargets.get(item.id()));
                if (after.isAfter(newPlanEnd)) {
                    newPlanEnd = after;
                }
            }
        }
        return new Cascade(changed, newTarget, businessDays, moved, latest(before), newPlanEnd);
    }

    private static LocalDate currentTarget(Map<UUID, LocalDate> currentTargets, UUID step) {
        Objects.requireNonNull(step, "step");
        LocalDate current = currentTargets.get(step);
        if (current == null) {
            throw new IllegalArgumentException("no current target for step " + step);
        }
        return current;
    }

    private static List<LocalDate> targets(List<ScheduleItem> items, Map<UUID, LocalDate> targets) {
        return items.stream().map(item -> {
            LocalDate target = targets.get(item.id());
            if (target == null) {
                throw new IllegalArgumentException("no target for step " + item.id());
            }
            return target;
        }).toList();
    }

    /** The latest of the dates, or null when there are none. */
    static LocalDate latest(Collection<LocalDate> dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (latest == null || date.isAfter(latest)) {
                latest = date;
            }
        }
        return latest;
    }
}
