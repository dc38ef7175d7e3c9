package io.mutua.integration;

import io.mutua.deals.DealId;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The handoff PDF: from the handoff page, and from the API's handoff path when the client accepts
 * {@code application/pdf} (the JSON answer of that path is the insights module's).
 */
@Controller
class HandoffPdfController {

    static final String PDF = "/handoffs/{id}/handoff.pdf";
    static final String API = Paths.API + "/deals/{id}/handoff";

    private final HandoffPdfs pdfs;

    HandoffPdfController(HandoffPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(PDF)
    ResponseEntity<byte[]> page(Viewer viewer, @PathVariable UUID id) {
        return PdfResponses.attachment(pdfs.handoff(viewer, id, LocaleContextHolder.getLocale()));
    }

    @GetMapping(value = API, produces = "application/pdf")
    ResponseEntity<byte[]> api(Viewer viewer, @PathVariable UUID id) {
        return PdfResponses.attachment(pdfs.ofDeal(viewer, new DealId(id), LocaleContextHolder.getLocale()));
    }
}
