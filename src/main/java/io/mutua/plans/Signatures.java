package io.mutua.plans;

import io.mutua.playbooks.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signatures of mutual action plans as stored: who signed, as what, when, from where, which revision and the
 * hash of its content. Rows are never changed, except that a signature is marked outdated once.
 */
@Component
class Signatures {

    static final int MAX_USER_AGENT = 500;
    static final int MAX_IP = 64;

    /**
     * The shared-content changes the activity log records, and so whether content that no longer matches a signature
     * was changed through Mutua. VISIBILITY is logged as internal but makes a step shared or takes it away.
     */
    private static final String SHARED_CHANGE = "action = 'VISIBILITY' or not internal and action in ('DETAILS', "
            + "'SECTION', 'TARGET_DATE', 'MOVED_BY_CASCADE', 'TITLE', 'DESCRIPTION', 'OWNERS', 'STEP_ADDED', "
            + "'STEP_DELETED', 'STEP_REORDERED', 'MILESTONE_ADDED', 'MILESTONE_RENAMED', 'MILESTONE_DELETED', "
            + "'MILESTONE_REORDERED')";

    private final JdbcClient jdbc;

    Signatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, UUID participantId, UUID userId, Side side, String typedName, String title, Instant signedAt,
            String ip, String userAgent, int revision, String contentHash, Instant outdatedAt) {

        boolean outdated() {
            return outdatedAt != null;
        }
    }

    /** A plan's signatures, oldest first. */
    List<Row> of(UUID planId) {
        return jdbc.sql("select * from plan_signature where plan_id = :plan order by signed_at, id")
                .param("plan", planId)
                .query(Signatures::row)
                .list();
    }

    void insert(UUID planId, Row row) {
        jdbc.sql("insert into plan_signature (id, plan_id, participant_id, user_id, side, typed_name, title, signed_at, "
                        + "ip, user_agent, revision, content_hash) values (:id, :plan, :participant, :user, :side, "
                        + ":name, :title, :at, :ip, :agent, :revision, :hash)")
                .param("id", row.id())
                .param("plan", planId)
                .param("participant", row.participantId())
                .param("user", row.userId())
                .param("side", row.side().name())
                .param("name", row.typedName())
                .param("title", row.title())
                .param("at", Timestamp.from(row.signedAt()))
                .param("ip", clip(row.ip(), MAX_IP))
                .param("agent", clip(row.userAgent(), MAX_USER_AGENT))
                .param("revision", row.revision())
                .param("hash", row.contentHash())
                .update();
    }

    /** Marks every signature in force outdated; returns how many there were. */
    int outdateAll(UUID planId, Instant at) {
        return jdbc.sql("update plan_signature set outdated_at = :at where plan_id = :plan and outdated_at is null")
                .param("at", Timestamp.from(at))
                .param("plan", planId)
                .update();
    }

    /** Sets aside a signer's signature in force (one that no longer verifies) before they sign again. */
    void outdate(UUID signatureId, Instant at) {
        jdbc.sql("update plan_signature set outdated_at = :at where id = :id and outdated_at is null")
                .param("at", Timestamp.from(at))
                .param("id", signatureId)
                .update();
    }

    boolean anyInForce(UUID planId) {
        return jdbc.sql("select exists (select 1 from plan_signature where plan_id = :plan and outdated_at is null)")
                .param("plan", planId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the activity log records a change of the shared content after {@code since}. */
    boolean sharedChangeSince(UUID planId, Instant since) {
        return jdbc.sql("select exists (select 1 from plan_activity where plan_id = :plan and at > :since and ("
                        + SHARED_CHANGE + "))")
                .param("plan", planId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp outdated = rs.getTimestamp("outdated_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getObject("user_id", UUID.class), Side.valueOf(rs.getString("side")), rs.getString("typed_name"),
                rs.getString("title"), rs.getTimestamp("signed_at").toInstant(), rs.getString("ip"),
                rs.getString("user_agent"), rs.getInt("revision"), rs.getString("content_hash"),
                outdated == null ? null : outdated.toInstant());
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
