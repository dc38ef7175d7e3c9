package io.mutua.integration.webhooks;

import io.mutua.web.ResultPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An endpoint's deliveries, newest first, a page at a time: what was sent, how it went, when it goes again. */
@Component
public class WebhookDeliveryLog {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;

    WebhookDeliveryLog(JdbcClient jdbc, WebhookEndpoints endpoints) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
    }

    /** One delivery as logged. */
    public record Delivery(UUID id, String messageId, String type, String status, int attempts,
            Integer lastHttpStatus, String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
            Instant deliveredAt) {

        public boolean queued() {
            return "QUEUED".equals(status);
        }

        public boolean delivered() {
            return "DELIVERED".equals(status);
        }
    }

    @Transactional(readOnly = true)
    ResultPage<Delivery> page(UUID endpointId, int page, int size) {
        endpoints.get(endpointId);
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        long total = jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :id").param("id", endpointId)
                .query(Long.class).single();
        List<Delivery> items = jdbc.sql("select * from webhook_delivery where endpoint_id = :id "
                        + "order by created_at desc, id desc limit :limit offset :offset")
                .param("id", endpointId).param("limit", safeSize).param("offset", (long) safePage * safeSize)
                .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_http_status"), rs.getString("last_error"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_attempt_at")),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("delivered_at"))))
                .list();
        return new ResultPage<>(items, safePage, safeSize, total);
    }

    private static Instant instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant).orElse(null);
    }
}
