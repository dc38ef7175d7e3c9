package io.mutua.plans;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One step of a plan as the scheduler sees it: how many business days it takes, which steps must finish
 * before it starts, and whether its date is fixed.
 *
 * <p>A {@code fixedTarget} means the step does not move: it is done (the date is its completion day) or the
 * user pinned it. A fixed date that is not a business day counts as the next business day, the same rule the
 * slip cascade applies to a new date.
 */
public record ScheduleItem(UUID id, int durationDays, Set<UUID> dependsOn, LocalDate fixedTarget) {

    public ScheduleItem {
        Objects.requireNonNull(id, "id");
        if (durationDays < 1) {
            throw new IllegalArgumentException("step " + id + " takes at least one business day, not " + durationDays);
        }
        dependsOn = Set.copyOf(Objects.requireNonNull(dependsOn, "dependsOn"));
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("step " + id + " depends on itself");
        }
    }

    /** A step the scheduler places after its dependencies. */
    public static ScheduleItem movable(UUID id, int durationDays, Set<UUID> dependsOn) {
        return new ScheduleItem(id, durationDays, dependsOn, null);
    }

    /** A done or pinned step: it finishes on {@code target} whatever happens around it. */
    public static ScheduleItem fixed(UUID id, int durationDays, Set<UUID> dependsOn, LocalDate target) {
        return new ScheduleItem(id, durationDays, dependsOn, Objects.requireNonNull(target, "target"));
    }

    public boolean isFixed() {
        return fixedTarget != null;
    }
}
