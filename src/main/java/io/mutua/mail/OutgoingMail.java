package io.mutua.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues emails in the outbox, within the caller's transaction: the email exists exactly when the change that
 * caused it does. The delivery worker is woken once the transaction commits.
 */
@Component
public class OutgoingMail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MailDelivery delivery;
    private final Clock clock;

    OutgoingMail(JdbcClient jdbc, MailDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Queues the email unless one with its dedupe key was queued before; says whether it was queued now. */
    @Transactional
    public boolean queue(Mail mail) {
        Timestamp now = Timestamp.from(clock.instant());
        int rows = jdbc.sql("insert into mail_outbox (id, kind, recipient, subject, text_body, html_body, headers, "
                        + "link_plan_id, link_purpose, dedupe_key, next_attempt_at, created_at, priority) "
                        + "values (:id, :kind, :to, :subject, :text, :html, cast(:headers as jsonb), :plan, :purpose, :key, "
                        + ":now, :now, :priority) on conflict (dedupe_key) do nothing")
                .param("priority", mail.awaited() ? 1 : 0)
                .param("id", UUID.randomUUID())
                .param("kind", mail.kind())
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("headers", json(mail))
                .param("plan", mail.linkPlanId())
                .param("purpose", mail.linkPurpose() == null ? null : mail.linkPurpose().name())
                .param("key", mail.dedupeKey())
                .param("now", now)
                .update();
        if (rows > 0) {
            wakeDeliveryAfterCommit();
        }
        return rows > 0;
    }

    /** A plain-text email, queued like any other. */
    public void send(String to, String subject, String text) {
        queue(Mail.text(to, subject, text, "plain"));
    }

    private void wakeDeliveryAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.wake();
                }
            });
        } else {
            // No transaction (send() calls queue() directly, past the proxy): the row is committed already.
            delivery.wake();
        }
    }

    private static String json(Mail mail) {
        return JSON.writeValueAsString(mail.headers());
    }
}
