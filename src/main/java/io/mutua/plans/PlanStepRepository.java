package io.mutua.plans;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Saves steps; reading a plan's steps goes through {@link PlanSteps}. */
interface PlanStepRepository extends ListCrudRepository<PlanStep, UUID> {
}
