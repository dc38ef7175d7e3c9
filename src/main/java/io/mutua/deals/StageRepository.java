package io.mutua.deals;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface StageRepository extends ListCrudRepository<Stage, String> {

    @Query("select * from stage order by position")
    List<Stage> findAllInOrder();

    @Query("select exists (select 1 from deal where stage_key = :key) "
            + "or exists (select 1 from deal_stage_history where to_stage = :key or from_stage = :key)")
    boolean isUsed(String key);
}
