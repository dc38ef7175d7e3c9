package io.mutua.playbooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PlaybookRepository extends ListCrudRepository<Playbook, UUID> {

    @Query("select * from playbook order by archived, priority, lower(name)")
    List<Playbook> findAllInOrder();

    @Query("select * from playbook where lower(name) = lower(:name)")
    Optional<Playbook> findByName(String name);
}
