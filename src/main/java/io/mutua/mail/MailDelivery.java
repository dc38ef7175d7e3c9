package io.mutua.mail;

import io.mutua.web.OutboxWorkers;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox: each due email is locked ({@code FOR UPDATE SKIP LOCKED}, so several nodes never take the
 * same one), sent, and marked sent in the same transaction. A failed attempt is recorded and retried later, by an
 * exponential backoff, until the backoff gives up; then the email is FAILED and waits for an admin's "retry now".
 * Runs on a schedule and, sooner, whenever a transaction that queued an email commits, on a few workers of its own
 * ({@code mutua.mail.delivery-workers}, each delivering one email at a time), so that a burst of emails — an import
 * that assigns many steps — goes out in parallel.
 *
 * <p>Crash safety: should this node die after the SMTP server accepted an email but before the transaction commits
 * (at most one email per worker), PostgreSQL releases the row and the email is sent again — with the same
 * Message-ID (the row id), which mail providers use to drop the duplicate. A fresh sign-in link is committed in its
 * own transaction before sending, so the link in an email that was accepted always works, whatever happens to the
 * delivery transaction.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final JavaMailSender sender;
    private final ObjectProvider<MailLinks> links;
    private final OutboxWorkers workers;
    private final Clock clock;
    private final String from;
    private final String messageIdDomain;
    private final RetryPolicy retries;

    MailDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, JavaMailSender sender,
            ObjectProvider<MailLinks> links, @Value("${mutua.mail.delivery-workers:2}") int workers, Clock clock,
            @Value("${mutua.mail.from}") String from, @Value("${mutua.base-url}") String baseUrl,
            @Value("${mutua.mail.retry.first:PT30S}") Duration firstRetry,
            @Value("${mutua.mail.retry.max-interval:PT1H}") Duration maxInterval,
            @Value("${mutua.mail.retry.attempts:12}") int attempts) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = sender;
        this.links = links;
        this.workers = new OutboxWorkers("mail", workers, transactionManager, this::deliverNext);
        this.clock = clock;
        this.from = from;
        this.messageIdDomain = Optional.ofNullable(URI.create(baseUrl.trim()).getHost()).orElse("mutua.invalid");
        this.retries = new RetryPolicy(firstRetry, maxInterval, attempts);
    }

    /** Delivers soon, on the delivery workers. */
    void wake() {
        workers.wake();
    }

    /** Wakes every worker: a backlog is delivered in parallel. */
    @Scheduled(fixedDelayString = "${mutua.mail.poll-interval:PT15S}",
            initialDelayString = "${mutua.mail.poll-initial-delay:PT5S}")
    void poll() {
        workers.wakeAll();
    }


    @PreDestroy
    void stop() {
        workers.stop();
    }

    private boolean deliverNext() {
        Optional<Queued> next = jdbc.sql("select id, recipient, subject, text_body, html_body, headers, "
                        + "link_plan_id, link_purpose, attempts from mail_outbox "
                        + "where status = 'QUEUED' and next_attempt_at <= :now "
                        + "order by priority desc, next_attempt_at, created_at limit 1 for update skip locked")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Queued(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        headers(rs.getString("headers")), rs.getObject("link_plan_id", UUID.class),
                        Optional.ofNullable(rs.getString("link_purpose")).map(Mail.LinkPurpose::valueOf).orElse(null),
                        rs.getInt("attempts")))
                .optional();
        if (next.isEmpty()) {
            return false;
        }
        Queued mail = next.get();
        Instant now = clock.instant();
        try {
            sender.send(message(mail));
        } catch (MessagingException | RuntimeException e) {
            failed(mail, now, e);
            return true;
        }
        // Outside the try: should this fail, the email was sent all the same; the transaction rolls back and the
        // email goes again with the same Message-ID rather than being recorded as a failure.
        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1, "
                        + "last_error = null where id = :id")
                .param("now", Timestamp.from(now)).param("id", mail.id()).update();
        return true;
    }

    /** The Message-ID of an outbox email: the same for every attempt, so that a resend is recognisably the same. */
    String messageId(UUID id) {
        return "<" + id + "@" + messageIdDomain + ">";
    }

    private void failed(Queued mail, Instant now, Exception error) {
        int attempts = mail.attempts() + 1;
        Optional<Duration> wait = retries.waitAfter(attempts);
        String message = Optional.ofNullable(error.getMessage()).orElse(error.getClass().getSimpleName());
        log.warn("Could not send email {} to {} (attempt {}): {}", mail.id(), mail.to(), attempts, message);
        jdbc.sql("update mail_outbox set attempts = :attempts, last_error = :error, status = :status, "
                        + "next_attempt_at = :next where id = :id")
                .param("attempts", attempts)
                .param("error", message.length() > 1000 ? message.substring(0, 1000) : message)
                .param("status", wait.isEmpty() ? "FAILED" : "QUEUED")
                .param("next", Timestamp.from(wait.map(now::plus).orElse(now)))
                .param("id", mail.id())
                .update();
    }


    private MimeMessage message(Queued mail) throws MessagingException {
        String text = mail.text();
        String html = mail.html();
        if (mail.linkPurpose() != null) {
            String link = ownTransaction.execute(status -> links.getObject()
                    .freshLink(mail.to(), mail.linkPlanId(), mail.linkPurpose()));
            text = text.replace(Mail.LINK, link);
            html = html == null ? null : html.replace(Mail.LINK, link);
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, html != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        if (html != null) {
            helper.setText(text, html);
        } else {
            helper.setText(text);
        }
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        // JavaMailSenderImpl keeps a Message-ID that was set before sending (saveChanges would otherwise replace it).
        message.setHeader("Message-ID", messageId(mail.id()));
        return message;
    }

    private static Map<String, String> headers(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }

    private record Queued(UUID id, String to, String subject, String text, String html, Map<String, String> headers,
            UUID linkPlanId, Mail.LinkPurpose linkPurpose, int attempts) {
    }
}
