package io.mutua.integration;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A PDF as a download that browsers never show inline or sniff: attachment, its name in UTF-8, nosniff, no-store. */
final class PdfResponses {

    private PdfResponses() {
    }

    static ResponseEntity<byte[]> attachment(PlanPdfs.PlanPdf pdf) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.bytes().length)
                .body(pdf.bytes());
    }
}
