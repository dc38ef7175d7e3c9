package io.mutua.integration;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document made for download: its file name, type and bytes. */
record ExportFile(String fileName, String contentType, byte[] content) {

    /**
     * Always a download (RFC 6266, with the UTF-8 file name), never something a browser shows or sniffs, and not
     * kept in shared caches: it holds the plan.
     */
    ResponseEntity<byte[]> download() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(content.length)
                .body(content);
    }
}
