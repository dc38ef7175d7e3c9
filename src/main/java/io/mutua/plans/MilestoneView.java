package io.mutua.plans;

import java.util.List;
import java.util.UUID;

public record MilestoneView(UUID id, String title, int position, List<StepView> steps, long version) {

    /** Finished (done or skipped) steps out of all steps, 0–100. */
    public int progress() {
        return PlanView.percent(steps.stream().filter(step -> step.status().finished()).count(), steps.size());
    }
}
