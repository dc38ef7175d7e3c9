package io.mutua.collaboration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ParticipantRepository extends ListCrudRepository<Participant, UUID> {

    @Query("select * from participant where plan_id = :planId order by side desc, lower(name)")
    List<Participant> findByPlan(UUID planId);

    @Query("select * from participant where plan_id = :planId and lower(email) = lower(:email)")
    Optional<Participant> findOnPlan(UUID planId, String email);

    @Query("select * from participant where lower(email) = lower(:email) and side = 'BUYER' and revoked_at is null")
    List<Participant> findActiveBuyer(String email);

    @Query("select * from participant where id in (:ids)")
    List<Participant> findByIds(Collection<UUID> ids);
}
