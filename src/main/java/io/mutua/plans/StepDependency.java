package io.mutua.plans;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** The step that must be finished before this one starts. */
@Table("plan_step_dependency")
record StepDependency(UUID dependsOn) {
}
