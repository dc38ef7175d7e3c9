package io.mutua.plans;

import java.util.UUID;

/** The step that must be finished before this one starts. */
record StepDependency(UUID dependsOn) {
}
