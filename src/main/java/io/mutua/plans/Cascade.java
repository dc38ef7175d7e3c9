package io.mutua.plans;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a changed date does to the rest of the plan, computed before anything is saved so the user can see
 * it first ("moves 4 steps; plan end 12 Mar → 19 Mar").
 *
 * <p>{@code changed} gets {@code newTarget}; every step in {@code moved} gets the date it maps to, which is
 * its old target moved by {@code businessDays} (negative when the plan moves earlier). Steps not in
 * {@code moved} keep their dates, and {@code changed} itself is not counted among the moved steps.
 * {@code oldPlanEnd} and {@code newPlanEnd} are the latest targets of the plan before and after.
 */
public record Cascade(
        UUID changed,
        LocalDate newTarget,
        int businessDays,
        Map<UUID, LocalDate> moved,
        LocalDate oldPlanEnd,
        LocalDate newPlanEnd) {

    public Cascade {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(newTarget, "newTarget");
        Objects.requireNonNull(oldPlanEnd, "oldPlanEnd");
        Objects.requireNonNull(newPlanEnd, "newPlanEnd");
        moved = Map.copyOf(Objects.requireNonNull(moved, "moved"));
        if (moved.containsKey(changed)) {
            throw new IllegalArgumentException("the changed step is not one of the steps it moves");
        }
    }

    /** The number of other steps that move. */
    public int movedSteps() {
        return moved.size();
    }
}
