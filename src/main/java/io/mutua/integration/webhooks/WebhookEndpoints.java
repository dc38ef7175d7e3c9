package io.mutua.integration.webhooks;

import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints the admin registers: address, description, the event types each wants, active or not, and a secret
 * to sign with. The secret is returned only when it is issued (creation, rotation); the pages and the API never
 * show it again.
 */
@Service
public class WebhookEndpoints {

    static final int MAX_DESCRIPTION = 500;

    private final JdbcClient jdbc;
    private final WebhookUrls urls;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, Clock clock,
            @Value("${mutua.webhooks.allow-http-localhost:false}") boolean allowHttpLocalhost) {
        this.jdbc = jdbc;
        this.urls = new WebhookUrls(allowHttpLocalhost);
        this.clock = clock;
    }

    /** An endpoint as shown: never its secret. */
    public record Endpoint(UUID id, String url, String description, Set<WebhookEventType> events, boolean active,
            long version, Instant createdAt, Instant updatedAt) {

        public boolean wants(WebhookEventType type) {
            return events.contains(type);
        }

        public List<String> eventNames() {
            return WebhookEventType.subscribable().stream().filter(events::contains).map(WebhookEventType::type)
                    .toList();
        }
    }

    /** An endpoint with its secret, just issued. */
    record Issued(Endpoint endpoint, String secret) {
    }

    @Transactional(readOnly = true)
    List<Endpoint> list() {
        return jdbc.sql("select * from webhook_endpoint order by created_at, id").query(this::endpoint).list();
    }

    @Transactional(readOnly = true)
    Endpoint get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("webhooks.notFound"));
    }

    @Transactional
    Issued create(String url, String description, Collection<WebhookEventType> events, boolean active) {
        String checkedUrl = urls.check(url);
        String checkedDescription = description(description);
        Set<WebhookEventType> checkedEvents = events(events);
        WebhookSecret secret = WebhookSecret.generate();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into webhook_endpoint (id, url, description, event_types, secret, active, version, "
                        + "created_at, updated_at) values (:id, :url, :description, :events, :secret, :active, 0, "
                        + ":now, :now)")
                .param("id", id).param("url", checkedUrl).param("description", checkedDescription)
                .param("events", names(checkedEvents)).param("secret", secret.value()).param("active", active)
                .param("now", now)
                .update();
        return new Issued(get(id), secret.value());
    }

    /** Changes what the endpoint receives; disabling it cancels its deliveries still waiting. */
    @Transactional
    Endpoint update(UUID id, long expectedVersion, String description, Collection<WebhookEventType> events,
            boolean active) {
        String checkedDescription = description(description);
        Set<WebhookEventType> checkedEvents = events(events);
        int rows = jdbc.sql("update webhook_endpoint set description = :description, event_types = :events, "
                        + "active = :active, version = version + 1, updated_at = :now "
                        + "where id = :id and version = :version")
                .param("description", checkedDescription).param("events", names(checkedEvents))
                .param("active", active).param("now", Timestamp.from(clock.instant()))
                .param("id", id).param("version", expectedVersion)
                .update();
        if (rows == 0) {
            throw new StaleVersionException("webhooks.stale", get(id).version());
        }
        if (!active) {
            cancelPending(id);
        }
        return get(id);
    }

    /** A new secret; the old one stops signing at once. */
    @Transactional
    Issued rotateSecret(UUID id) {
        WebhookSecret secret = WebhookSecret.generate();
        int rows = jdbc.sql("update webhook_endpoint set secret = :secret, version = version + 1, updated_at = :now "
                        + "where id = :id")
                .param("secret", secret.value()).param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
        if (rows == 0) {
            throw new NotFoundException("webhooks.notFound");
        }
        return new Issued(get(id), secret.value());
    }

    /** Deletes the endpoint and, with it, its delivery log and whatever was still waiting to go. */
    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update() == 0) {
            throw new NotFoundException("webhooks.notFound");
        }
    }

    private void cancelPending(UUID id) {
        jdbc.sql("update webhook_delivery set status = 'CANCELLED' where endpoint_id = :id and status = 'QUEUED'")
                .param("id", id).update();
    }

    private Optional<Endpoint> find(UUID id) {
        return jdbc.sql("select * from webhook_endpoint where id = :id").param("id", id).query(this::endpoint)
                .optional();
    }

    private Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                parse(rs.getString("event_types")), rs.getBoolean("active"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static String description(String description) {
        String trimmed = description == null ? "" : description.strip();
        if (trimmed.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "webhooks.description.tooLong", MAX_DESCRIPTION);
        }
        return trimmed;
    }

    private static Set<WebhookEventType> events(Collection<WebhookEventType> events) {
        Set<WebhookEventType> chosen = events == null || events.isEmpty() ? EnumSet.noneOf(WebhookEventType.class)
                : EnumSet.copyOf(events);
        chosen.remove(WebhookEventType.TEST);
        if (chosen.isEmpty()) {
            throw new InvalidInputException("events", "webhooks.events.required");
        }
        return chosen;
    }

    static Set<WebhookEventType> parse(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).map(WebhookEventType::of)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
    }

    private static String names(Set<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::type).collect(Collectors.joining(","));
    }
}
