package io.mutua.plans;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The earliest dates of every step from the forward pass: when it can start and when it is due (its target,
 * the last business day of its work). The plan ends when its last step is due.
 */
public record Schedule(Map<UUID, LocalDate> starts, Map<UUID, LocalDate> targets) {

    public Schedule {
        starts = Map.copyOf(Objects.requireNonNull(starts, "starts"));
        targets = Map.copyOf(Objects.requireNonNull(targets, "targets"));
        if (!starts.keySet().equals(targets.keySet())) {
            throw new IllegalArgumentException("every step needs both a start and a target");
        }
    }

    /** The latest target, or null for a plan without steps. */
    public LocalDate planEnd() {
        return Scheduler.latest(targets.values());
    }
}
