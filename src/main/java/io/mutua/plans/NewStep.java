package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A step a person adds to a plan; without a target date it is scheduled after its dependencies. */
public record NewStep(UUID milestoneId, String title, String description, Side side, Visibility visibility,
        int durationDays, LocalDate targetDate, List<UUID> dependsOn, List<OwnerRef> owners) {
}
