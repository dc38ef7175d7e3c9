package io.mutua.plans;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends every change of a plan; entries are never changed or removed. Each entry is also announced as a
 * {@link PlanActivity} event, which live updates and notifications react to.
 */
@Component
class ActivityLog {

    static final int MAX_TEXT = 500;
    private static final UUID NOBODY = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final Users users;
    private final ParticipantDirectory participants;
    private final ApplicationEventPublisher events;

    ActivityLog(JdbcClient jdbc, Users users, ParticipantDirectory participants, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.participants = participants;
        this.events = events;
    }

    Map<UUID, Instant> lastChanges(UUID planId, Audience audience) {
        Map<UUID, Instant> changes = new HashMap<>();
        jdbc.sql("select coalesce(step_id, plan_id) as item, max(at) as at from plan_activity "
                        + "where plan_id = :plan and (step_id is not null or action = :details) "
                        + "and (not internal or :seller) group by 1")
                .param("plan", planId)
                .param("details", PlanChange.DETAILS.name())
                .param("seller", audience == Audience.SELLER)
                .query(rs -> {
                    changes.put(rs.getObject("item", UUID.class), rs.getTimestamp("at").toInstant());
                });
        return changes;
    }

    void record(UUID planId, UUID stepId, Actor actor, PlanChange change, String subject, Object before,
            Object after, Instant at, boolean internal) {
        String clippedSubject = clip(subject, 200);
        String clippedBefore = clip(before, MAX_TEXT);
        String clippedAfter = clip(after, MAX_TEXT);
        long id = jdbc.sql("insert into plan_activity (plan_id, step_id, actor_id, actor_participant_id, action, subject, "
                        + "before, after, at, internal) "
                        + "values (:plan, :step, :actor, :participant, :action, :subject, :before, :after, :at, "
                        + ":internal) returning id")
                .param("plan", planId)
                .param("step", stepId)
                .param("actor", actor.userId())
                .param("participant", actor.participantId())
                .param("action", change.name())
                .param("subject", clippedSubject)
                .param("before", clippedBefore)
                .param("after", clippedAfter)
                .param("at", Timestamp.from(at))
                .param("internal", internal)
                .query(Long.class)
                .single();
        events.publishEvent(new PlanActivity(id, planId, stepId, change, internal, actor.userId(),
                actor.participantId(), at, clippedSubject, clippedBefore, clippedAfter));
    }

    /** The latest entries, newest first; a buyer audience never gets internal ones. */
    List<ActivityView> recent(UUID planId, int limit, Audience audience) {
        return read("select at, actor_id, actor_participant_id, action, subject, before, after from plan_activity "
                + "where plan_id = :plan" + (audience == Audience.BUYER ? " and not internal" : "")
                + " order by at desc, id desc limit :limit", planId, limit);
    }

    /**
     * What others changed since {@code since}: entries by someone else than the viewer (a user or a participant),
     * newest first; a buyer audience never gets internal ones.
     */
    List<ActivityView> since(UUID planId, Instant since, UUID viewerUserId, UUID viewerParticipantId,
            Audience audience, int limit) {
        String sql = "select at, actor_id, actor_participant_id, action, subject, before, after from plan_activity "
                + "where plan_id = :plan and at > :since"
                + (audience == Audience.BUYER ? " and not internal" : "")
                + " and (actor_id is null or actor_id <> :user)"
                + " and (actor_participant_id is null or actor_participant_id <> :participant)"
                + " order by at desc, id desc limit :limit";
        return named(jdbc.sql(sql)
                .param("plan", planId)
                .param("since", Timestamp.from(since))
                .param("user", viewerUserId == null ? NOBODY : viewerUserId)
                .param("participant", viewerParticipantId == null ? NOBODY : viewerParticipantId)
                .param("limit", limit)
                .query(ActivityLog::row)
                .list());
    }

    private List<ActivityView> read(String sql, UUID planId, int limit) {
        return named(jdbc.sql(sql).param("plan", planId).param("limit", limit).query(ActivityLog::row).list());
    }

    private record Row(Instant at, UUID actor, UUID participant, PlanChange change, String subject, String before,
            String after) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getObject("actor_participant_id", UUID.class), PlanChange.valueOf(rs.getString("action")),
                rs.getString("subject"), rs.getString("before"), rs.getString("after"));
    }

    private List<ActivityView> named(List<Row> rows) {
        Map<UUID, UserSummary> actors = users.byIds(rows.stream().map(Row::actor).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, ParticipantDirectory.Participant> people = participants.byIds(rows.stream()
                .map(Row::participant).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(row -> new ActivityView(row.at(), name(row, actors, people), row.change(),
                row.subject(), row.before(), row.after())).toList();
    }

    private static String name(Row row, Map<UUID, UserSummary> actors,
            Map<UUID, ParticipantDirectory.Participant> people) {
        if (row.actor() != null && actors.containsKey(row.actor())) {
            return actors.get(row.actor()).name();
        }
        if (row.participant() != null && people.containsKey(row.participant())) {
            return people.get(row.participant()).name();
        }
        return null;
    }

    private static String clip(Object value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
