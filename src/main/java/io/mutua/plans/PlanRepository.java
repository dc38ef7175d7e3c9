package io.mutua.plans;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PlanRepository extends ListCrudRepository<Plan, UUID> {

    @Query("select * from plan where deal_id = :dealId and kind = :kind")
    Optional<Plan> findByDeal(UUID dealId, String kind);
}
