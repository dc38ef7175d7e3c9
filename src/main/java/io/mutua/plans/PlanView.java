package io.mutua.plans;

import io.mutua.deals.DealId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan with everything its page shows. {@code plannedEnd} is the latest target of the steps still to do (or of
 * all, when all are finished); {@code feasible} says whether that is on or before the deal's expected close date,
 * and {@code businessDaysOver} by how much it is not.
 */
public record PlanView(UUID id, DealId dealId, String dealName, PlanKind kind, PlanStatus status, boolean edited,
        String playbookName, Integer playbookVersion, Instant generatedAt, LocalDate expectedClose,
        LocalDate plannedEnd, boolean feasible, int businessDaysOver, List<MilestoneView> milestones,
        Audience audience, String language, Instant convertedAt, String conversionOverride,
        LocalDate targetSignature, LocalDate targetGoLive, String allowedDomains, List<SectionView> sections,
        long version) {

    public boolean mutual() {
        return kind == PlanKind.MUTUAL;
    }

    public List<StepView> steps() {
        return milestones.stream().flatMap(milestone -> milestone.steps().stream()).toList();
    }

    public int progress() {
        List<StepView> all = steps();
        return percent(all.stream().filter(step -> step.status().finished()).count(), all.size());
    }

    public long overdueSteps() {
        return steps().stream().filter(StepView::overdue).count();
    }

    static int percent(long part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
