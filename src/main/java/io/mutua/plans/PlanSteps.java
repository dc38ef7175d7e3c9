package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads all steps of a plan with their owners and dependencies in three queries, however many steps there are
 * (the repository would ask once per step and collection). Changes are saved through the repository.
 */
@Component
class PlanSteps {

    private final JdbcClient jdbc;

    PlanSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlanStep> of(UUID planId) {
        return of(planId, Audience.SELLER);
    }

    /** The steps an audience may see: all of them for the sales team, the shared ones for buyers. */
    List<PlanStep> of(UUID planId, Audience audience) {
        String shared = audience == Audience.BUYER ? " and s.visibility = 'SHARED'" : "";
        Map<UUID, List<StepOwner>> owners = new HashMap<>();
        jdbc.sql("select o.plan_step, o.user_id, o.role, o.participant_id from plan_step_owner o "
                        + "join plan_step s on s.id = o.plan_step where s.plan_id = :plan" + shared
                        + " order by o.plan_step, o.position")
                .param("plan", planId)
                .query(rs -> {
                    owners.computeIfAbsent(rs.getObject("plan_step", UUID.class), id -> new ArrayList<>())
                            .add(new StepOwner(rs.getObject("user_id", UUID.class), rs.getString("role"),
                                    rs.getObject("participant_id", UUID.class)));
                });
        Map<UUID, Set<StepDependency>> dependencies = new HashMap<>();
        jdbc.sql("select d.plan_step, d.depends_on from plan_step_dependency d join plan_step s on s.id = d.plan_step "
                        + "join plan_step t on t.id = d.depends_on where s.plan_id = :plan" + shared
                        + shared.replace("s.", "t."))
                .param("plan", planId)
                .query(rs -> {
                    dependencies.computeIfAbsent(rs.getObject("plan_step", UUID.class), id -> new LinkedHashSet<>())
                            .add(new StepDependency(rs.getObject("depends_on", UUID.class)));
                });
        return jdbc.sql("select * from plan_step s where s.plan_id = :plan" + shared + " order by s.position")
                .param("plan", planId)
                .query((rs, n) -> step(rs, owners, dependencies))
                .list();
    }

    private static PlanStep step(ResultSet rs, Map<UUID, List<StepOwner>> owners,
            Map<UUID, Set<StepDependency>> dependencies) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new PlanStep(id, rs.getObject("plan_id", UUID.class), rs.getObject("milestone_id", UUID.class),
                rs.getInt("position"), rs.getString("key"), rs.getString("title"), rs.getString("description"),
                Side.valueOf(rs.getString("side")), rs.getString("owner_role"),
                Visibility.valueOf(rs.getString("visibility")), rs.getString("stage_key"), rs.getInt("duration_days"),
                EstimateSource.valueOf(rs.getString("estimate_source")), rs.getInt("estimate_samples"),
                StepStatus.valueOf(rs.getString("status")), rs.getObject("baseline_date", LocalDate.class),
                rs.getObject("target_date", LocalDate.class), rs.getBoolean("pinned"), instant(rs, "started_at"),
                instant(rs, "completed_at"), owners.getOrDefault(id, List.of()),
                dependencies.getOrDefault(id, Set.of()), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
