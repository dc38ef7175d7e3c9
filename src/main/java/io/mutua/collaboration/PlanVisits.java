package io.mutua.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who opened which plan when: engagement for sellers, and "changes since your last visit" for everyone. */
@Component
class PlanVisits {

    record Engagement(Instant lastSeen, int visits) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanVisits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a visit and returns the one before it, if any: what "since your last visit" means. */
    Optional<Instant> visitByUser(UUID planId, UUID userId) {
        return visit(planId, "user_id", userId);
    }

    Optional<Instant> visitByParticipant(UUID planId, UUID participantId) {
        return visit(planId, "participant_id", participantId);
    }

    /**
     * Per participant of a plan: when they last opened it and how often. Buyers' visits are theirs as participants;
     * a colleague's visits are recorded as the user they are.
     */
    Map<UUID, Engagement> engagement(UUID planId) {
        Map<UUID, Engagement> result = new HashMap<>();
        jdbc.sql("select p.id, max(v.at) as last_seen, count(*) as visits from participant p "
                        + "join plan_visit v on v.plan_id = p.plan_id "
                        + "and (v.participant_id = p.id or (p.user_id is not null and v.user_id = p.user_id)) "
                        + "where p.plan_id = :plan group by p.id")
                .param("plan", planId)
                .query(rs -> {
                    result.put(rs.getObject("id", UUID.class),
                            new Engagement(rs.getTimestamp("last_seen").toInstant(), rs.getInt("visits")));
                });
        return result;
    }

    private Optional<Instant> visit(UUID planId, String column, UUID who) {
        Optional<Instant> previous = jdbc.sql("select max(at) from plan_visit where plan_id = :plan and " + column
                        + " = :who")
                .param("plan", planId)
                .param("who", who)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
        jdbc.sql("insert into plan_visit (plan_id, " + column + ", at) values (:plan, :who, :now)")
                .param("plan", planId)
                .param("who", who)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return previous;
    }
}
