package io.mutua.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TeamRepository extends ListCrudRepository<Team, UUID> {

    @Query("select * from team order by lower(name)")
    List<Team> findAllByName();

    @Query("select * from team where lower(name) = lower(:name)")
    Optional<Team> findByName(String name);
}
