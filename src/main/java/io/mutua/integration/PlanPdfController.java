package io.mutua.integration;

import io.mutua.collaboration.Buyer;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan as a PDF from the plan pages' export menus: sellers get the shared part in their language, or with
 * {@code ?internal=true} the sales team's copy; buyers get the shared part in the plan's language.
 */
@Controller
class PlanPdfController {

    static final String SELLER_PDF = "/plans/{planId}/export.pdf";
    static final String BUYER_PDF = Paths.BUYER + "/plans/{planId}/export.pdf";

    private final PlanPdfs pdfs;

    PlanPdfController(PlanPdfs pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(SELLER_PDF)
    ResponseEntity<byte[]> seller(Viewer viewer, @PathVariable UUID planId,
            @RequestParam(defaultValue = "false") boolean internal) {
        return PdfResponses.attachment(pdfs.forSeller(viewer, planId, internal, LocaleContextHolder.getLocale()));
    }

    @GetMapping(BUYER_PDF)
    ResponseEntity<byte[]> buyer(Buyer buyer, @PathVariable UUID planId) {
        return PdfResponses.attachment(pdfs.forBuyer(buyer.email(), planId));
    }
}
