package io.mutua.integration.webhooks;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues webhook messages, in the caller's transaction, one delivery row per endpoint that wants the type. The
 * message id derives from the event, so an event handled twice (a listener retried after a crash) queues nothing new.
 * The worker is woken once the transaction commits.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final WebhookDelivery delivery;
    private final Clock clock;

    WebhookOutbox(JdbcClient jdbc, WebhookDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Queues the message for every active endpoint subscribed to its type; says for how many. The data is put
     * together only when some endpoint wants it.
     */
    @Transactional
    int publish(WebhookEventType type, String eventKey, Instant at, Supplier<Map<String, Object>> data) {
        List<UUID> endpoints = jdbc.sql("select id, event_types from webhook_endpoint where active")
                .query((rs, n) -> WebhookEndpoints.parse(rs.getString("event_types")).contains(type)
                        ? rs.getObject("id", UUID.class) : null)
                .list().stream().filter(id -> id != null).toList();
        if (endpoints.isEmpty()) {
            return 0;
        }
        String messageId = messageId(type.type() + ":" + eventKey);
        String body = body(type, at, data.get());
        int queued = 0;
        for (UUID endpoint : endpoints) {
            queued += insert(endpoint, messageId, type, body);
        }
        if (queued > 0) {
            wakeAfterCommit();
        }
        return queued;
    }

    /** "Send test event": a {@code webhook.test} message to this endpoint only, through the same outbox. */
    @Transactional
    void sendTest(UUID endpointId) {
        Instant now = clock.instant();
        String messageId = messageId("webhook.test:" + UUID.randomUUID());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpointId", endpointId.toString());
        data.put("message", "This is a test event from Mutua.");
        insert(endpointId, messageId, WebhookEventType.TEST, body(WebhookEventType.TEST, now, data));
        wakeAfterCommit();
    }

    private int insert(UUID endpoint, String messageId, WebhookEventType type, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, "
                        + "next_attempt_at, created_at) values (:id, :endpoint, :message, :type, :payload, :now, :now) "
                        + "on conflict (endpoint_id, message_id) do nothing")
                .param("id", UUID.randomUUID()).param("endpoint", endpoint).param("message", messageId)
                .param("type", type.type()).param("payload", body).param("now", now)
                .update();
    }

    /** The Standard Webhooks payload: {@code {"type", "timestamp", "data"}}. */
    private static String body(WebhookEventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.type());
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        return JSON.writeValueAsString(payload);
    }

    private static String messageId(String eventKey) {
        return "msg_" + UUID.nameUUIDFromBytes(eventKey.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.wake();
                }
            });
        } else {
            delivery.wake();
        }
    }
}
