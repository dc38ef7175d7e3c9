package io.mutua.deals;

import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(CloseReasonApiController.PATH)
@Tag(name = "Deals")
class CloseReasonApiController {

    static final String PATH = Paths.API + "/close-reasons";

    private final CloseReasons reasons;

    CloseReasonApiController(CloseReasons reasons) {
        this.reasons = reasons;
    }

    record CloseReasonJson(UUID id, Outcome outcome, String label, int position, boolean active) {

        static CloseReasonJson from(CloseReasonView reason) {
            return new CloseReasonJson(reason.id(), reason.outcome(), reason.label(), reason.position(),
                    reason.active());
        }
    }

    @GetMapping
    @Operation(summary = "The reasons a deal can be closed with, won before lost in the admin's order; retired ones "
            + "(active false) only with includeRetired=true")
    List<CloseReasonJson> list(@RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "false") boolean includeRetired) {
        return reasons.all().stream()
                .filter(reason -> includeRetired || reason.active())
                .filter(reason -> outcome == null || reason.outcome() == outcome)
                .map(CloseReasonJson::from)
                .toList();
    }
}
