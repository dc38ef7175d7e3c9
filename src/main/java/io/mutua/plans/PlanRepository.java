package io.mutua.plans;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PlanRepository extends ListCrudRepository<Plan, UUID> {

    /** The deal's closing plan, or the mutual action plan it became. */
    @Query("select * from plan where deal_id = :dealId and kind in ('CLOSING', 'MUTUAL')")
    Optional<Plan> findSalesPlan(UUID dealId);
}
