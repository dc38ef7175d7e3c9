package io.mutua.plans;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface PlanStepRepository extends ListCrudRepository<PlanStep, UUID> {

    List<PlanStep> findByPlanIdOrderByPosition(UUID planId);
}
