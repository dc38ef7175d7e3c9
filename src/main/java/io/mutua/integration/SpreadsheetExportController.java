package io.mutua.integration;

import io.mutua.collaboration.Buyer;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan as a spreadsheet from the export menus of both plan pages: sellers get the shared steps, or all of them
 * with {@code ?internal=true}; buyers the shared steps of the plans they take part in, and nothing else.
 */
@Controller
class SpreadsheetExportController {

    static final String SELLER_CSV = "/plans/{planId}/export.csv";
    static final String SELLER_XLSX = "/plans/{planId}/export.xlsx";
    static final String BUYER_CSV = Paths.BUYER + SELLER_CSV;
    static final String BUYER_XLSX = Paths.BUYER + SELLER_XLSX;

    private final SpreadsheetExports exports;

    SpreadsheetExportController(SpreadsheetExports exports) {
        this.exports = exports;
    }

    @GetMapping(SELLER_CSV)
    ResponseEntity<byte[]> sellerCsv(Viewer viewer, @PathVariable UUID planId,
            @RequestParam(defaultValue = "false") boolean internal, Locale locale) {
        return exports.forSeller(viewer, planId, internal, SheetFormat.CSV, locale).download();
    }

    @GetMapping(SELLER_XLSX)
    ResponseEntity<byte[]> sellerXlsx(Viewer viewer, @PathVariable UUID planId,
            @RequestParam(defaultValue = "false") boolean internal, Locale locale) {
        return exports.forSeller(viewer, planId, internal, SheetFormat.XLSX, locale).download();
    }

    @GetMapping(BUYER_CSV)
    ResponseEntity<byte[]> buyerCsv(Buyer buyer, @PathVariable UUID planId, Locale locale) {
        return exports.forBuyer(buyer.email(), planId, SheetFormat.CSV, locale).download();
    }

    @GetMapping(BUYER_XLSX)
    ResponseEntity<byte[]> buyerXlsx(Buyer buyer, @PathVariable UUID planId, Locale locale) {
        return exports.forBuyer(buyer.email(), planId, SheetFormat.XLSX, locale).download();
    }
}
