package io.mutua.mail;

import io.mutua.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox as the admin sees it: what is queued, sent or failed, and "retry now". Never the bodies. */
@Component
class MailQueue {

    static final int LATEST = 100;

    /** One email in the queue, without its content. */
    record QueuedMail(UUID id, String kind, String recipient, String subject, MailStatus status, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final MailDelivery delivery;
    private final Clock clock;

    MailQueue(JdbcClient jdbc, MailDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** How many emails there are in each status (every status present, zero when none). */
    @Transactional(readOnly = true)
    Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from mail_outbox group by status")
                .query(rs -> {
                    counts.put(MailStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** The latest emails, newest first; only those in {@code status} unless it is null. */
    @Transactional(readOnly = true)
    List<QueuedMail> latest(MailStatus status) {
        return jdbc.sql("select id, kind, recipient, subject, status, attempts, last_error, created_at, "
                        + "next_attempt_at, sent_at from mail_outbox "
                        + "where cast(:status as varchar) is null or status = cast(:status as varchar) "
                        + "order by created_at desc, id limit " + LATEST)
                .param("status", status == null ? null : status.name())
                .query((rs, n) -> row(rs))
                .list();
    }

    @Transactional(readOnly = true)
    QueuedMail get(UUID id) {
        return jdbc.sql("select id, kind, recipient, subject, status, attempts, last_error, created_at, "
                        + "next_attempt_at, sent_at from mail_outbox where id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("mailQueue.notFound"));
    }

    /** Sends a queued or failed email now; one that was sent stays sent. */
    @Transactional
    QueuedMail retry(UUID id) {
        get(id);
        int changed = jdbc.sql("update mail_outbox set status = 'QUEUED', next_attempt_at = :now "
                        + "where id = :id and status <> 'SENT'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed > 0) {
            wakeDeliveryAfterCommit();
        }
        return get(id);
    }

    /** Sends every failed email again now; says how many. */
    @Transactional
    int retryAllFailed() {
        int changed = jdbc.sql("update mail_outbox set status = 'QUEUED', next_attempt_at = :now "
                        + "where status = 'FAILED'")
                .param("now", Timestamp.from(clock.instant())).update();
        if (changed > 0) {
            wakeDeliveryAfterCommit();
        }
        return changed;
    }

    private void wakeDeliveryAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                delivery.wake();
            }
        });
    }

    private static QueuedMail row(ResultSet rs) throws SQLException {
        return new QueuedMail(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("recipient"),
                rs.getString("subject"), MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
