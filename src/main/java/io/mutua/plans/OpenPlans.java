package io.mutua.plans;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans still being worked on (active or signed) across all deals, read in one query each for system work such as
 * reminders; no access check, never for display.
 */
@Component
public class OpenPlans {

    private static final String OPEN = "p.status in ('ACTIVE', 'SIGNED')";
    private static final String SALES = OPEN + " and p.kind in ('CLOSING', 'MUTUAL')";
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    OpenPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open plan: its deal and the language it speaks to buyers. */
    public record OpenPlan(UUID id, UUID dealId, String language) {
    }

    /**
     * An unfinished step of an open plan with its person owners (role placeholders are nobody yet): seller users
     * by user id, participants by participant id.
     */
    public record OpenStep(UUID id, UUID planId, UUID dealId, String language, String title, boolean shared,
            LocalDate targetDate, List<UUID> ownerUserIds, List<UUID> ownerParticipantIds) {
    }

    /** The unfinished steps of open plans due on or before {@code lastDay}: overdue ones included. */
    @Transactional(readOnly = true)
    public List<OpenStep> stepsDueBy(LocalDate lastDay) {
        return jdbc.sql("select s.id, s.plan_id, p.deal_id, p.language, s.title, s.visibility, s.target_date, "
                        + "array_remove(array_agg(o.user_id order by o.position), null) as users, "
                        + "array_remove(array_agg(o.participant_id order by o.position), null) as participants "
                        + "from plan_step s join plan p on p.id = s.plan_id "
                        + "left join plan_step_owner o on o.plan_step = s.id "
                        + "where " + OPEN + " and s.status not in ('DONE', 'SKIPPED') and s.target_date <= :last "
                        + "group by s.id, p.id")
                .param("last", lastDay)
                .query((rs, n) -> new OpenStep(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("deal_id", UUID.class), rs.getString("language"), rs.getString("title"),
                        "SHARED".equals(rs.getString("visibility")), rs.getObject("target_date", LocalDate.class),
                        ids(rs, "users"), ids(rs, "participants")))
                .list();
    }

    /** Those of the given plans that are open, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, OpenPlan> among(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select p.id, p.deal_id, p.language from plan p where p.id in (:ids) and " + OPEN)
                .param("ids", planIds)
                .query((rs, n) -> new OpenPlan(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
                        rs.getString("language")))
                .list().stream()
                .collect(Collectors.toMap(OpenPlan::id, Function.identity()));
    }

    /** A deal's open closing or mutual plan with every step, for forecasting its close. */
    public record SalesPlan(UUID id, UUID dealId, PlanKind kind, PlanStatus status, LocalDate targetSignature,
            Instant convertedAt, List<SalesStep> steps) {
    }

    /** A step of a sales plan: its duration as planned and where that came from, its dates and dependencies. */
    public record SalesStep(UUID id, String key, String stageKey, String title, StepStatus status, int durationDays,
            EstimateSource estimateSource, boolean pinned, LocalDate targetDate, Instant startedAt,
            Set<UUID> dependsOn) {
    }

    /**
     * The open (active or signed) closing or mutual plan of each of the given deals that has one, by deal id, with
     * all their steps: two queries per few thousand deals.
     */
    @Transactional(readOnly = true)
    public Map<UUID, SalesPlan> salesPlansOf(Collection<UUID> dealIds) {
        Map<UUID, SalesPlan> byDeal = new HashMap<>();
        List<UUID> ids = List.copyOf(dealIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<UUID, List<SalesStep>> steps = new HashMap<>();
            jdbc.sql("select s.id, s.plan_id, s.key, s.stage_key, s.title, s.status, s.duration_days, "
                            + "s.estimate_source, s.pinned, s.target_date, s.started_at, "
                            + "array(select d.depends_on from plan_step_dependency d where d.plan_step = s.id) as deps "
                            + "from plan_step s join plan p on p.id = s.plan_id where " + SALES + " and p.deal_id in (:ids) "
                            + "order by s.plan_id, s.position")
                    .param("ids", chunk)
                    .query(rs -> {
                        Timestamp started = rs.getTimestamp("started_at");
                        steps.computeIfAbsent(rs.getObject("plan_id", UUID.class), plan -> new ArrayList<>())
                                .add(new SalesStep(rs.getObject("id", UUID.class), rs.getString("key"),
                                        rs.getString("stage_key"), rs.getString("title"),
                                        StepStatus.valueOf(rs.getString("status")), rs.getInt("duration_days"),
                                        EstimateSource.valueOf(rs.getString("estimate_source")),
                                        rs.getBoolean("pinned"), rs.getObject("target_date", LocalDate.class),
                                        started == null ? null : started.toInstant(), Set.copyOf(ids(rs, "deps"))));
                    });
            jdbc.sql("select p.id, p.deal_id, p.kind, p.status, p.target_signature, p.converted_at from plan p "
                            + "where " + SALES + " and p.deal_id in (:ids)")
                    .param("ids", chunk)
                    .query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        Timestamp converted = rs.getTimestamp("converted_at");
                        SalesPlan plan = new SalesPlan(id, rs.getObject("deal_id", UUID.class),
                                PlanKind.valueOf(rs.getString("kind")), PlanStatus.valueOf(rs.getString("status")),
                                rs.getObject("target_signature", LocalDate.class),
                                converted == null ? null : converted.toInstant(),
                                List.copyOf(steps.getOrDefault(id, List.of())));
                        byDeal.put(plan.dealId(), plan);
                    });
        }
        return byDeal;
    }

    private static List<UUID> ids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
