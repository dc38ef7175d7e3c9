package io.mutua.integration.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mutua.identity.Role;
import io.mutua.identity.Viewer;
import io.mutua.integration.webhooks.WebhookDeliveryLog.Delivery;
import io.mutua.integration.webhooks.WebhookEndpoints.Endpoint;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import io.mutua.web.ResultPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(WebhookApiController.PATH)
@Tag(name = "Webhooks", description = "Endpoints that receive deal.closed, handoff.created, plan.signed and "
        + "step.updated, signed per the Standard Webhooks specification (admins only).")
class WebhookApiController {

    static final String PATH = Paths.API + "/webhooks";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryLog log;

    WebhookApiController(WebhookEndpoints endpoints, WebhookDeliveryLog log) {
        this.endpoints = endpoints;
        this.log = log;
    }

    record EndpointJson(String id, String url, String description, List<String> events, boolean active,
            long version, Instant createdAt, Instant updatedAt,
            @Schema(description = "The signing secret (whsec_…): only in the answer to the creation, never again")
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static EndpointJson from(Endpoint endpoint, String secret) {
            return new EndpointJson(endpoint.id().toString(), endpoint.url(), endpoint.description(),
                    endpoint.eventNames(), endpoint.active(), endpoint.version(), endpoint.createdAt(),
                    endpoint.updatedAt(), secret);
        }
    }

    record NewEndpointJson(
            @Schema(description = "https:// address that receives the POSTs", requiredMode = Schema.RequiredMode.REQUIRED)
            String url,
            String description,
            @Schema(description = "Any of deal.closed, handoff.created, plan.signed, step.updated",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> events,
            @Schema(description = "Defaults to true") Boolean active) {
    }

    record DeliveryJson(String id, String messageId, String type, String status, int attempts,
            Integer lastHttpStatus, String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
            Instant deliveredAt) {

        static DeliveryJson from(Delivery delivery) {
            return new DeliveryJson(delivery.id().toString(), delivery.messageId(), delivery.type(), delivery.status(),
                    delivery.attempts(), delivery.lastHttpStatus(), delivery.lastError(), delivery.createdAt(),
                    delivery.lastAttemptAt(), delivery.queued() ? delivery.nextAttemptAt() : null,
                    delivery.deliveredAt());
        }
    }

    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> from(ResultPage<T> page) {
            return new PageJson<>(page.items(), page.page(), page.size(), page.total(), page.totalPages());
        }
    }

    @GetMapping
    @Operation(summary = "List the webhook endpoints (without their secrets)")
    List<EndpointJson> list(Viewer viewer) {
        requireAdmin(viewer);
        return endpoints.list().stream().map(endpoint -> EndpointJson.from(endpoint, null)).toList();
    }

    @PostMapping
    @Operation(summary = "Register an endpoint; the answer (201) holds its signing secret, shown this once")
    ResponseEntity<EndpointJson> create(Viewer viewer, @RequestBody NewEndpointJson body) {
        requireAdmin(viewer);
        List<WebhookEventType> types = body.events() == null ? List.of() : body.events().stream()
                .map(name -> WebhookEventType.of(name).filter(type -> type != WebhookEventType.TEST)
                        .orElseThrow(() -> new InvalidInputException("events", "webhooks.events.unknown", name)))
                .toList();
        WebhookEndpoints.Issued issued = endpoints.create(body.url(), body.description(), types,
                body.active() == null || body.active());
        return ResponseEntity.created(URI.create(PATH + "/" + issued.endpoint().id()))
                .body(EndpointJson.from(issued.endpoint(), issued.secret()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an endpoint, its delivery log and whatever was still waiting to be delivered")
    ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
        requireAdmin(viewer);
        endpoints.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first: type, status, attempts, last HTTP status or error, "
            + "next attempt")
    PageJson<DeliveryJson> deliveries(Viewer viewer, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        requireAdmin(viewer);
        return PageJson.from(log.page(id, page, size).map(DeliveryJson::from));
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.is(Role.ADMIN)) {
            throw new ForbiddenException("webhooks.adminOnly");
        }
    }
}
