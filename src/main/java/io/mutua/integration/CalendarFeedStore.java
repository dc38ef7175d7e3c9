package io.mutua.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code calendar_feed} table. Every change names the plan and the holder as well as the feed, so that
 * nobody can touch a feed that is not theirs by guessing its id.
 */
@Repository
class CalendarFeedStore {

    private static final String HOLDER = "(user_id = :user or participant_id = :participant)";

    /** A live feed found by its token: what it takes to render it. */
    record Live(UUID id, UUID planId, FeedHolder holder, FeedScope scope) {
    }

    private final JdbcClient jdbc;

    CalendarFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID planId, FeedHolder holder, FeedScope scope, String tokenHash, Instant now) {
        jdbc.sql("insert into calendar_feed (id, plan_id, user_id, participant_id, scope, token_hash, created_at) "
                        + "values (:id, :plan, :user, :participant, :scope, :hash, :now)")
                .param("id", id)
                .param("plan", planId)
                .param("user", holder.userId())
                .param("participant", holder.participantId())
                .param("scope", scope.name())
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The holder's live feeds on a plan, oldest first. */
    List<CalendarFeed> live(UUID planId, FeedHolder holder) {
        return jdbc.sql("select id, plan_id, scope, created_at, regenerated_at, last_fetched_at from calendar_feed "
                        + "where plan_id = :plan and " + HOLDER + " and revoked_at is null order by created_at, id")
                .param("plan", planId)
                .param("user", holder.userId())
                .param("participant", holder.participantId())
                .query(CalendarFeedStore::feed)
                .list();
    }

    Optional<Live> liveByTokenHash(String tokenHash) {
        return jdbc.sql("select id, plan_id, user_id, participant_id, scope from calendar_feed "
                        + "where token_hash = :hash and revoked_at is null")
                .param("hash", tokenHash)
                .query((rs, n) -> new Live(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        new FeedHolder(rs.getObject("user_id", UUID.class),
                                rs.getObject("participant_id", UUID.class)),
                        FeedScope.valueOf(rs.getString("scope"))))
                .optional();
    }

    /** Gives a live feed a new token; false when the holder has no such live feed on the plan. */
    boolean replaceToken(UUID id, UUID planId, FeedHolder holder, String tokenHash, Instant now) {
        return jdbc.sql("update calendar_feed set token_hash = :hash, regenerated_at = :now, last_fetched_at = null "
                        + "where id = :id and plan_id = :plan and " + HOLDER + " and revoked_at is null")
                .param("hash", tokenHash)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("plan", planId)
                .param("user", holder.userId())
                .param("participant", holder.participantId())
                .update() == 1;
    }

    /** Ends a live feed; false when the holder has no such live feed on the plan. */
    boolean revoke(UUID id, UUID planId, FeedHolder holder, Instant now) {
        return jdbc.sql("update calendar_feed set revoked_at = :now "
                        + "where id = :id and plan_id = :plan and " + HOLDER + " and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("plan", planId)
                .param("user", holder.userId())
                .param("participant", holder.participantId())
                .update() == 1;
    }

    /** Ends every live feed of a participant. */
    void revokeAllOf(UUID participantId, Instant now) {
        jdbc.sql("update calendar_feed set revoked_at = :now where participant_id = :participant "
                        + "and revoked_at is null")
                .param("now", Timestamp.from(now))
                .param("participant", participantId)
                .update();
    }

    void fetched(UUID id, Instant now) {
        jdbc.sql("update calendar_feed set last_fetched_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private static CalendarFeed feed(ResultSet rs, int n) throws SQLException {
        return new CalendarFeed(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                FeedScope.valueOf(rs.getString("scope")), instant(rs, "created_at"), instant(rs, "regenerated_at"),
                instant(rs, "last_fetched_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
