package io.mutua.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Random calendars and random acyclic plans for the property tests. */
final class PlanGenerators {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2075, 12, 31);

    private PlanGenerators() {
    }

    /** A plan as generated: its steps in a shuffled order, the holidays around {@code today}, and today. */
    record GeneratedPlan(List<ScheduleItem> items, Set<LocalDate> holidays, LocalDate today) {

        BusinessCalendar calendar() {
            return new BusinessCalendar(holidays);
        }
    }

    /** A plan plus a change to one of its dates, with some steps pinned and some done. */
    record GeneratedChange(GeneratedPlan plan, UUID changed, LocalDate newTarget, Set<UUID> pinned, Set<UUID> done) {
    }

    static Gen<LocalDate> days() {
        return in -> dayBetween(in, EARLIEST, LATEST);
    }

    /** A day and the holidays of the years around it, sometimes with runs of consecutive holidays. */
    static Gen<CalendarAround> calendars() {
        return in -> {
            LocalDate day = dayBetween(in, EARLIEST, LATEST);
            return new CalendarAround(holidaysAround(in, day), day);
        };
    }

    record CalendarAround(Set<LocalDate> holidays, LocalDate day) {

        BusinessCalendar calendar() {
            return new BusinessCalendar(holidays);
        }
    }

    /**
     * Plans of 5 to 40 steps taking 1 to 20 business days, each depending on up to three earlier steps; with
     * {@code withFixedSteps}, about one step in six is fixed to a day from a month before today to a year
     * after it, sometimes a weekend or holiday.
     */
    static Gen<GeneratedPlan> plans(boolean withFixedSteps) {
        return in -> plan(in, withFixedSteps);
    }

    static Gen<GeneratedChange> changes() {
        return in -> {
            GeneratedPlan plan = plan(in, true);
            List<ScheduleItem> items = plan.items();
            UUID changed = items.get(between(in, 0, items.size() - 1)).id();
            LocalDate newTarget = plan.today().plusDays(between(in, -40, 120));
            Set<UUID> pinned = new HashSet<>();
            Set<UUID> done = new HashSet<>();
            for (ScheduleItem item : items) {
                if (chance(in, 6)) {
                    pinned.add(item.id());
                }
                if (chance(in, 6)) {
                    done.add(item.id());
                }
            }
            return new GeneratedChange(plan, changed, newTarget, pinned, done);
        };
    }

    private static GeneratedPlan plan(RandomnessSource in, boolean withFixedSteps) {
        LocalDate today = dayBetween(in, EARLIEST, LATEST);
        int size = between(in, 5, 40);
        List<ScheduleItem> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            UUID id = new UUID(0x5CED, i);
            int duration = between(in, 1, 20);
            Set<UUID> dependsOn = new HashSet<>();
            int dependencies = i == 0 ? 0 : between(in, 0, Math.min(i, 3));
            for (int d = 0; d < dependencies; d++) {
                dependsOn.add(items.get(between(in, 0, i - 1)).id());
            }
            LocalDate fixedTarget = withFixedSteps && chance(in, 6) ? today.plusDays(between(in, -30, 365)) : null;
            items.add(new ScheduleItem(id, duration, dependsOn, fixedTarget));
        }
        for (int i = size - 1; i > 0; i--) {
            int j = between(in, 0, i);
            items.set(i, items.set(j, items.get(i)));
        }
        return new GeneratedPlan(List.copyOf(items), holidaysAround(in, today), today);
    }

    /** Up to 30 single holidays and up to 3 runs of 2 to 10 consecutive ones, within four years of the day. */
    private static Set<LocalDate> holidaysAround(RandomnessSource in, LocalDate day) {
        Set<LocalDate> holidays = new HashSet<>();
        int singles = between(in, 0, 30);
        for (int i = 0; i < singles; i++) {
            holidays.add(day.plusDays(between(in, -4 * 365, 4 * 365)));
        }
        int runs = between(in, 0, 3);
        for (int i = 0; i < runs; i++) {
            LocalDate first = day.plusDays(between(in, -4 * 365, 4 * 365));
            int length = between(in, 2, 10);
            for (int d = 0; d < length; d++) {
                holidays.add(first.plusDays(d));
            }
        }
        return holidays;
    }

    private static LocalDate dayBetween(RandomnessSource in, LocalDate first, LocalDate last) {
        return LocalDate.ofEpochDay(in.next(Constraint.between(first.toEpochDay(), last.toEpochDay())));
    }

    static int between(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    /** True about once in {@code n} draws. */
    private static boolean chance(RandomnessSource in, int n) {
        return between(in, 1, n) == 1;
    }
}
