package io.mutua.integration.webhooks;

import io.mutua.web.OutboxWorkers;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Delivers the webhook outbox: each due delivery of an active endpoint is locked ({@code FOR UPDATE SKIP LOCKED}, so
 * several nodes never take the same one), POSTed with its Standard Webhooks headers, and recorded in the same
 * transaction: a 2xx answer delivers it, anything else (another status, a refused connection, a timeout) is retried
 * by {@link WebhookRetryPolicy} until it gives up (FAILED). Runs on a schedule and, sooner, after a transaction that
 * queued a delivery commits. Should this node die mid-request, the row is released and sent again with the same
 * {@code webhook-id}, which receivers use to drop duplicates.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final JdbcClient jdbc;
    private final OutboxWorkers workers;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final WebhookRetryPolicy retries;
    private final Clock clock;

    WebhookDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${mutua.webhooks.delivery-workers:2}") int workers,
            @Value("${mutua.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${mutua.webhooks.request-timeout:PT15S}") Duration requestTimeout,
            @Value("${mutua.webhooks.retry.first:PT5S}") Duration firstRetry,
            @Value("${mutua.webhooks.retry.multiplier:4}") double multiplier,
            @Value("${mutua.webhooks.retry.max-interval:PT10H}") Duration maxInterval,
            @Value("${mutua.webhooks.retry.give-up-after:PT24H}") Duration giveUpAfter) {
        this.jdbc = jdbc;
        this.workers = new OutboxWorkers("webhook", workers, transactionManager, this::deliverNext);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.retries = new WebhookRetryPolicy(firstRetry, multiplier, maxInterval, giveUpAfter);
        this.clock = clock;
    }

    /** Delivers soon, on the delivery workers. */
    void wake() {
        workers.wake();
    }

    @Scheduled(fixedDelayString = "${mutua.webhooks.poll-interval:PT10S}",
            initialDelayString = "${mutua.webhooks.poll-initial-delay:PT5S}")
    void poll() {
        workers.wakeAll();
    }


    @PreDestroy
    void stop() {
        workers.stop();
    }

    private boolean deliverNext() {
        Instant now = clock.instant();
        Optional<Due> next = jdbc.sql("select d.id, d.message_id, d.payload, d.attempts, d.first_attempt_at, e.url, "
                        + "e.secret from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id "
                        + "where d.status = 'QUEUED' and d.next_attempt_at <= :now and e.active "
                        + "order by d.next_attempt_at, d.created_at limit 1 for update of d skip locked")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("payload"), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getTimestamp("first_attempt_at")).map(Timestamp::toInstant)
                                .orElse(now),
                        rs.getString("url"), new WebhookSecret(rs.getString("secret"))))
                .optional();
        if (next.isEmpty()) {
            return false;
        }
        Due due = next.get();
        Outcome outcome = post(due, now);
        int attempts = due.attempts() + 1;
        if (outcome.delivered()) {
            jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = :attempts, delivered_at = :now, "
                            + "first_attempt_at = :first, last_attempt_at = :now, last_http_status = :http, "
                            + "last_error = null where id = :id")
                    .param("attempts", attempts).param("now", Timestamp.from(now))
                    .param("first", Timestamp.from(due.firstAttempt())).param("http", outcome.httpStatus())
                    .param("id", due.id())
                    .update();
            return true;
        }
        Optional<Instant> retry = retries.nextAttempt(attempts, due.firstAttempt(), now);
        log.warn("Webhook delivery {} to {} failed (attempt {}): {}", due.messageId(), due.url(), attempts,
                outcome.error());
        jdbc.sql("update webhook_delivery set status = :status, attempts = :attempts, next_attempt_at = :next, "
                        + "first_attempt_at = :first, last_attempt_at = :now, last_http_status = :http, "
                        + "last_error = :error where id = :id")
                .param("status", retry.isPresent() ? "QUEUED" : "FAILED").param("attempts", attempts)
                .param("next", Timestamp.from(retry.orElse(now))).param("first", Timestamp.from(due.firstAttempt()))
                .param("now", Timestamp.from(now)).param("http", outcome.httpStatus())
                .param("error", truncate(outcome.error())).param("id", due.id())
                .update();
        return true;
    }

    private Outcome post(Due due, Instant now) {
        long timestamp = now.getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(requestTimeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "Mutua-Webhooks/1")
                    .header("webhook-id", due.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", due.secret().sign(due.messageId(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status >= 200 && status < 300, status,
                    status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "Timed out");
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(false, null, Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted");
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private record Due(UUID id, String messageId, String payload, int attempts, Instant firstAttempt, String url,
            WebhookSecret secret) {
    }

    private record Outcome(boolean delivered, Integer httpStatus, String error) {
    }
}
