package io.mutua.plans;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The revisions of mutual action plans: numbered snapshots of the shared content (1, 2, … per plan) with the
 * progress beside it. A snapshot identical to the latest revision — same content and same progress — is not
 * stored again: the latest revision's number stands for it.
 */
@Component
class PlanRevisions {

    private final PlanService plans;
    private final JdbcClient jdbc;
    private final Users users;
    private final ParticipantDirectory participants;
    private final Clock clock;

    PlanRevisions(PlanService plans, JdbcClient jdbc, Users users, ParticipantDirectory participants, Clock clock) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.users = users;
        this.participants = participants;
        this.clock = clock;
    }

    /** What a revision taken now would hold; only for mutual action plans. */
    Snapshot current(UUID planId) {
        return Snapshot.of(plans.buyerView(planId), clock.getZone());
    }

    /**
     * Waits for, then holds, the plan's row until the transaction ends, so that revisions and signatures of one
     * plan are taken one at a time and always see the content as others last committed it.
     */
    void lock(UUID planId) {
        jdbc.sql("select id from plan where id = :id for update").param("id", planId).query(UUID.class).optional();
    }

    /** A revision taken (or the latest one, reused); {@code created} says whether it is new. */
    record Saved(int number, boolean created, Snapshot snapshot) {
    }

    Saved save(UUID planId, RevisionReason reason, Actor actor) {
        lock(planId);
        Snapshot now = current(planId);
        int latest = jdbc.sql("select coalesce(max(number), 0) from plan_revision where plan_id = :plan")
                .param("plan", planId).query(Integer.class).single();
        Optional<Snapshot> previous = latest == 0 ? Optional.empty() : snapshot(planId, latest);
        if (previous.isPresent() && previous.get().sameAs(now)) {
            return new Saved(latest, false, now);
        }
        int number = latest + 1;
        jdbc.sql("insert into plan_revision (plan_id, number, reason, created_at, actor_user_id, actor_participant_id, "
                        + "content, progress, content_hash) values (:plan, :number, :reason, :at, :user, :participant, "
                        + ":content, cast(:progress as jsonb), :hash)")
                .param("plan", planId)
                .param("number", number)
                .param("reason", reason.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("user", actor.userId())
                .param("participant", actor.participantId())
                .param("content", now.canonical())
                .param("progress", now.progress().toJson())
                .param("hash", now.hash())
                .update();
        return new Saved(number, true, now);
    }

    /** The revisions of a plan, newest first. */
    List<RevisionView> list(UUID planId) {
        List<Row> rows = jdbc.sql("select number, reason, created_at, actor_user_id, actor_participant_id, content_hash "
                        + "from plan_revision where plan_id = :plan order by number desc")
                .param("plan", planId)
                .query(PlanRevisions::row)
                .list();
        Map<UUID, UserSummary> people = users.byIds(rows.stream().map(Row::user).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, ParticipantDirectory.Participant> others = participants.byIds(rows.stream()
                .map(Row::participant).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(row -> new RevisionView(row.number(), row.reason(), row.at(),
                row.user() != null && people.containsKey(row.user()) ? people.get(row.user()).name()
                        : row.participant() != null && others.containsKey(row.participant())
                                ? others.get(row.participant()).name() : null,
                row.hash())).toList();
    }

    /** A stored revision read back, its hash computed again from the stored JSON. */
    Optional<Snapshot> snapshot(UUID planId, int number) {
        return jdbc.sql("select content, progress::text as progress from plan_revision "
                        + "where plan_id = :plan and number = :number")
                .param("plan", planId)
                .param("number", number)
                .query((rs, n) -> Snapshot.stored(rs.getString("content"), rs.getString("progress")))
                .optional();
    }

    private record Row(int number, RevisionReason reason, Instant at, UUID user, UUID participant, String hash) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getInt("number"), RevisionReason.valueOf(rs.getString("reason")),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("actor_user_id", UUID.class),
                rs.getObject("actor_participant_id", UUID.class), rs.getString("content_hash"));
    }
}
