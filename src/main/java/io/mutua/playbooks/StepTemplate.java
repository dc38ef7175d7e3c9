package io.mutua.playbooks;

import java.util.List;

/**
 * One step of a playbook. {@code key} is stable across versions (durations are learned per key); {@code stage}
 * is the pipeline stage the step belongs to; {@code dependsOn} names earlier steps by key.
 */
public record StepTemplate(String key, String title, String guidance, Side side, OwnerRole ownerRole,
        Visibility visibility, String stage, int defaultDays, List<String> dependsOn) {

    public StepTemplate {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        guidance = guidance == null ? "" : guidance;
    }

    StepTemplate withoutDependency(String removed) {
        return new StepTemplate(key, title, guidance, side, ownerRole, visibility, stage, defaultDays,
                dependsOn.stream().filter(dependency -> !dependency.equals(removed)).toList());
    }
}
