package io.mutua.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserRepository extends ListCrudRepository<User, UUID> {

    @Query("select * from app_user where lower(email) = lower(:email)")
    Optional<User> findByEmail(String email);

    @Query("select * from app_user where named_only and lower(name) = lower(:name) order by created_at limit 1")
    Optional<User> findNamedOnlyByName(String name);

    @Query("select * from app_user order by lower(name)")
    List<User> findAllByName();

    @Query("select * from app_user where id in (:ids)")
    List<User> findByIds(Collection<UUID> ids);

    @Query("select * from app_user where team_id = :teamId order by lower(name)")
    List<User> findByTeam(UUID teamId);

    @Query("select exists (select 1 from app_user)")
    boolean anyExists();

    @Query("select count(*) from app_user where role = 'ADMIN' and active")
    long countActiveAdmins();
}
