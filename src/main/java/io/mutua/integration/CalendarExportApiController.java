package io.mutua.integration;

import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A plan's dates as a one-off iCalendar download for the calling seller: every step they may see. */
@RestController
@Tag(name = "Exports")
class CalendarExportApiController {

    static final String EXPORT = Paths.API + "/plans/{planId}/export.ics";

    private final CalendarDocuments documents;

    CalendarExportApiController(CalendarDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(EXPORT)
    @Operation(summary = "The plan's dated steps and key dates as an iCalendar (ICS) file, as the caller sees the "
            + "plan; for a calendar that stays up to date, create a calendar feed on the plan's calendar page")
    ResponseEntity<String> export(Viewer viewer, @PathVariable UUID planId) {
        String ics = documents.forSeller(viewer, planId, FeedScope.PLAN);
        return ResponseEntity.ok()
                .contentType(CalendarFeedEndpoint.TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("plan-" + planId + ".ics", StandardCharsets.UTF_8).build().toString())
                .body(ics);
    }
}
