package io.mutua.insights;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All the SQL of the insights read models, in one place. Analytics read across modules' tables (deal,
 * deal_stage_history, stage, close_reason, plan, plan_step, participant, app_user, team, playbook) with plain SQL,
 * as the design allows for read models; nothing here writes. Closed deals' plans are CLOSED and no longer change,
 * so the figures are computed from the live tables on each request.
 */
@Component
class WinLossQueries {

    /** One closed deal and what its sales plan looked like at the close. */
    record ClosedDeal(UUID id, boolean won, Instant createdAt, Instant closedAt, String planKind, int sharedSteps,
            int buyers, String stalledStage, String stalledStageName, String reason, String competitor) {
    }

    /** A playbook step of a closed deal's sales plan, with its baseline and when it was done (if it was). */
    record ClosedStep(String key, boolean won, LocalDate baseline, Instant completedAt, Instant closedAt) {
    }

    /** A done playbook step: when it was started and completed. */
    record DoneStep(String key, Instant startedAt, Instant completedAt) {
    }

    record Choice(UUID id, String name) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WinLossQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<ClosedDeal> closedDeals(WinLossFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String from = from(filter, params);
        return jdbc.sql("select d.id, d.status, d.created_at, d.closed_at, p.kind, "
                        + "(select count(*) from plan_step s where s.plan_id = p.id and s.visibility = 'SHARED') "
                        + "as shared_steps, "
                        + "(select count(*) from participant pa where pa.plan_id = p.id and pa.side = 'BUYER' "
                        + "and pa.revoked_at is null) as buyers, "
                        + "last_open.key as stalled_stage, last_open.name as stalled_name, cr.label, d.competitor "
                        + from
                        + " left join close_reason cr on cr.id = d.close_reason_id"
                        + " left join lateral (select st.key, st.name from deal_stage_history h "
                        + "join stage st on st.key = h.to_stage where h.deal_id = d.id and st.outcome is null "
                        + "order by h.changed_at desc, h.id desc limit 1) last_open on d.status = 'LOST'"
                        + where(filter, params))
                .params(params)
                .query((rs, n) -> new ClosedDeal(rs.getObject("id", UUID.class), "WON".equals(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("closed_at").toInstant(),
                        rs.getString("kind"), rs.getInt("shared_steps"), rs.getInt("buyers"),
                        rs.getString("stalled_stage"), rs.getString("stalled_name"), rs.getString("label"),
                        rs.getString("competitor")))
                .list();
    }

    /** The keyed, not skipped steps of the sales plans of the closed deals. */
    List<ClosedStep> closedSteps(WinLossFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String from = from(filter, params);
        return jdbc.sql("select s.key, d.status, s.baseline_date, s.completed_at, d.closed_at " + from
                        + " join plan_step s on s.plan_id = p.id"
                        + where(filter, params) + " and s.key is not null and s.status <> 'SKIPPED'")
                .params(params)
                .query((rs, n) -> new ClosedStep(rs.getString("key"), "WON".equals(rs.getString("status")),
                        rs.getObject("baseline_date", LocalDate.class),
                        rs.getString("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                        rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    /** Playbook steps done since then, of any plan: the samples the step estimates learn from. */
    List<DoneStep> doneStepsSince(Instant since) {
        return jdbc.sql("select key, started_at, completed_at from plan_step where status = 'DONE' "
                        + "and key is not null and started_at is not null and completed_at >= :since")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new DoneStep(rs.getString("key"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at").toInstant()))
                .list();
    }

    List<Choice> teams(UUID only) {
        return jdbc.sql("select id, name from team" + (only == null ? "" : " where id = :id") + " order by lower(name)")
                .params(only == null ? Map.of() : Map.of("id", only))
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    List<Choice> playbooks() {
        return jdbc.sql("select id, name from playbook order by lower(name)")
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    List<String> segments() {
        return jdbc.sql("select distinct segment from deal where status in ('WON', 'LOST') and segment is not null "
                        + "order by segment")
                .query(String.class).list();
    }

    private String from(WinLossFilter filter, Map<String, Object> params) {
        params.put("from", Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
        params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        return " from deal d join app_user u on u.id = d.owner_id"
                + " left join plan p on p.deal_id = d.id and p.kind in ('CLOSING', 'MUTUAL')";
    }

    private static String where(WinLossFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(
                " where d.status in ('WON', 'LOST') and d.closed_at >= :from and d.closed_at < :to");
        if (filter.visibleOwners() != null) {
            if (filter.visibleOwners().isEmpty()) {
                return sql.append(" and false").toString();
            }
            sql.append(" and d.owner_id in (:visibleOwners)");
            params.put("visibleOwners", filter.visibleOwners());
        }
        if (filter.team() != null) {
            sql.append(" and u.team_id = :team");
            params.put("team", filter.team());
        }
        if (filter.owner() != null) {
            sql.append(" and d.owner_id = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.playbook() != null) {
            sql.append(" and p.playbook_id = :playbook");
            params.put("playbook", filter.playbook());
        }
        if (filter.segment() != null) {
            sql.append(" and d.segment = :segment");
            params.put("segment", filter.segment());
        }
        return sql.toString();
    }
}
