package io.mutua.plans;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How late each step may finish and the plan still meet the deadline, from the backward pass.
 *
 * <p>{@code slackDays} is, per step, the business days from its target to its latest finish: how far it may
 * slip without pushing the plan past the deadline; negative when it is already too late. A fixed (done or
 * pinned) step cannot slip, so its slack is at most 0. {@code deadline} is the buyer's date moved back to a
 * business day; {@code businessDaysOver} is how many business days the plan ends after it, 0 when it fits.
 */
public record Slack(
        LocalDate deadline,
        Map<UUID, LocalDate> latestStarts,
        Map<UUID, LocalDate> latestFinishes,
        Map<UUID, Integer> slackDays,
        int businessDaysOver) {

    public Slack {
        Objects.requireNonNull(deadline, "deadline");
        latestStarts = Map.copyOf(Objects.requireNonNull(latestStarts, "latestStarts"));
        latestFinishes = Map.copyOf(Objects.requireNonNull(latestFinishes, "latestFinishes"));
        slackDays = Map.copyOf(Objects.requireNonNull(slackDays, "slackDays"));
        if (businessDaysOver < 0) {
            throw new IllegalArgumentException("business days over cannot be negative: " + businessDaysOver);
        }
    }

    /** The plan ends on or before the deadline. */
    public boolean feasible() {
        return businessDaysOver == 0;
    }

    /**
     * @throws IllegalArgumentException for a step that was not in the plan
     */
    public int of(UUID step) {
        Integer days = slackDays.get(step);
        if (days == null) {
            throw new IllegalArgumentException("no such step: " + step);
        }
        return days;
    }
}
