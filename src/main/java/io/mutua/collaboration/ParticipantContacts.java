package io.mutua.collaboration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How to reach participants across all plans, in one query each, for system work such as reminders; no access check,
 * never for display.
 */
@Component
public class ParticipantContacts {

    private static final String COLUMNS = "p.id, p.plan_id, p.side, p.user_id, p.name, p.email, p.invited_at, "
            + "p.revoked_at";

    private final JdbcClient jdbc;

    ParticipantContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant: {@code userId} only for sellers; invited and revoked when that happened. */
    public record Contact(UUID id, UUID planId, boolean buyer, UUID userId, String name, String email,
            Instant invitedAt, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }

        public boolean invited() {
            return invitedAt != null;
        }
    }

    @Transactional(readOnly = true)
    public Map<UUID, Contact> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from participant p where p.id in (:ids)")
                .param("ids", ids)
                .query(ParticipantContacts::contact)
                .list().stream()
                .collect(Collectors.toMap(Contact::id, Function.identity()));
    }

    /** Buyers invited at or after {@code since}, still on their plan, who have never opened it. */
    @Transactional(readOnly = true)
    public List<Contact> invitedNeverOpened(Instant since) {
        return jdbc.sql("select " + COLUMNS + " from participant p where p.side = 'BUYER' and p.revoked_at is null "
                        + "and p.invited_at >= :since "
                        + "and not exists (select 1 from plan_visit v where v.participant_id = p.id)")
                .param("since", Timestamp.from(since))
                .query(ParticipantContacts::contact)
                .list();
    }

    private static Contact contact(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                "BUYER".equals(rs.getString("side")), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("email"), instant(rs, "invited_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
