package io.mutua.playbooks;

import java.util.List;

/** A group of steps in a playbook, such as "Business case" or "Legal and procurement". */
public record MilestoneTemplate(String title, List<StepTemplate> steps) {

    public MilestoneTemplate {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
