package io.mutua.plans;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends every change of a plan; entries are never changed or removed. */
@Component
class ActivityLog {

    static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Users users;

    ActivityLog(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    void record(UUID planId, UUID stepId, UUID actorId, PlanChange change, String subject, Object before,
            Object after, Instant at) {
        jdbc.sql("insert into plan_activity (plan_id, step_id, actor_id, action, subject, before, after, at) "
                        + "values (:plan, :step, :actor, :action, :subject, :before, :after, :at)")
                .param("plan", planId)
                .param("step", stepId)
                .param("actor", actorId)
                .param("action", change.name())
                .param("subject", clip(subject, 200))
                .param("before", clip(before, MAX_TEXT))
                .param("after", clip(after, MAX_TEXT))
                .param("at", Timestamp.from(at))
                .update();
    }

    List<ActivityView> recent(UUID planId, int limit) {
        record Row(Instant at, UUID actor, PlanChange change, String subject, String before, String after) {
        }
        List<Row> rows = jdbc.sql("select at, actor_id, action, subject, before, after from plan_activity "
                        + "where plan_id = :plan order by at desc, id desc limit :limit")
                .param("plan", planId)
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class),
                        PlanChange.valueOf(rs.getString("action")), rs.getString("subject"), rs.getString("before"),
                        rs.getString("after")))
                .list();
        Map<UUID, UserSummary> actors = users.byIds(rows.stream().map(Row::actor).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return rows.stream().map(row -> new ActivityView(row.at(),
                row.actor() == null || !actors.containsKey(row.actor()) ? null : actors.get(row.actor()).name(),
                row.change(), row.subject(), row.before(), row.after())).toList();
    }

    private static String clip(Object value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
