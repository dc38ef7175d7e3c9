package io.mutua.integration;

import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A plan as a PDF over the API, with the seller's rules; in the token owner's language. */
@RestController
@Tag(name = "Exports")
class PlanPdfApiController {

    static final String PDF = Paths.API + "/plans/{planId}/export.pdf";

    private final PlanPdfs pdfs;
    private final Users users;

    PlanPdfApiController(PlanPdfs pdfs, Users users) {
        this.pdfs = pdfs;
        this.users = users;
    }

    @GetMapping(PDF)
    @Operation(summary = "The plan as a PDF ending with its signature certificate: the shared part, or with "
            + "internal=true also the internal steps (for the sales team only)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
    ResponseEntity<byte[]> export(Viewer viewer, @PathVariable UUID planId,
            @Parameter(description = "include internal steps") @RequestParam(defaultValue = "false") boolean internal) {
        return PdfResponses.attachment(pdfs.forSeller(viewer, planId, internal,
                users.preferredLocale(viewer.email()).orElseGet(LocaleContextHolder::getLocale)));
    }
}
