package io.mutua.insights;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.identity.Viewer;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@Tag(name = "Deals")
class SnapshotApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DealService deals;
    private final Snapshots snapshots;

    SnapshotApiController(DealService deals, Snapshots snapshots) {
        this.deals = deals;
        this.snapshots = snapshots;
    }

    @GetMapping(Paths.API + "/deals/{id}/snapshot")
    @Operation(summary = "The deal and its plan as they stood when the deal closed (schema 1), with takenAt; "
            + "404 while the deal is open")
    JsonNode snapshot(Viewer viewer, @PathVariable UUID id) {
        DealId dealId = new DealId(id);
        deals.get(viewer, dealId);
        DealSnapshot snapshot = snapshots.of(dealId).orElseThrow(() -> new NotFoundException("snapshot.notFound"));
        ObjectNode content = (ObjectNode) JSON.readTree(snapshots.json(dealId).orElseThrow());
        content.put("takenAt", snapshot.takenAt().toString());
        return content;
    }
}
