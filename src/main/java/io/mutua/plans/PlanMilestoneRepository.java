package io.mutua.plans;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PlanMilestoneRepository extends ListCrudRepository<PlanMilestone, UUID> {

    @Query("select * from plan_milestone where plan_id = :planId order by position")
    List<PlanMilestone> findByPlan(UUID planId);
}
