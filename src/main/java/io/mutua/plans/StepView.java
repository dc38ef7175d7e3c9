package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A step as its plan page and API show it. {@code start} is when the work must begin to finish on
 * {@code targetDate}; {@code slack} is how many business days it may slip before the deal's expected close date
 * moves (null without one).
 */
public record StepView(UUID id, UUID milestoneId, int position, String key, String title, String description,
        Side side, String ownerRole, Visibility visibility, String stageKey, int durationDays,
        EstimateSource estimateSource, int estimateSamples, StepStatus status, LocalDate baselineDate,
        LocalDate start, LocalDate targetDate, boolean pinned, Instant startedAt, Instant completedAt,
        List<OwnerView> owners, List<UUID> dependsOn, Integer slack, boolean overdue, long version) {

    /** Business days between the baseline and the current target: positive means later than first planned. */
    public boolean slipped() {
        return targetDate.isAfter(baselineDate);
    }
}
