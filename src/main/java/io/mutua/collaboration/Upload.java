package io.mutua.collaboration;

import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * An upload form as sent: the file, the step it is for and whether it is internal. Multipart requests are parsed
 * only here (lazily), so that a file over the server's limit becomes the same clear message as one over the
 * application's, instead of an error page.
 */
record Upload(MultipartFile file, UUID stepId, boolean internal) {

    static final String FILE = "file";
    static final String STEP = "stepId";
    static final String INTERNAL = "internal";

    static Upload read(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new InvalidInputException(FILE, "attachments.empty");
        }
        try {
            return new Upload(multipart.getFile(FILE), step(multipart.getParameter(STEP)),
                    "true".equals(multipart.getParameter(INTERNAL)));
        } catch (MaxUploadSizeExceededException e) {
            throw tooLarge();
        } catch (MultipartException e) {
            throw new InvalidInputException(FILE, "attachments.empty");
        }
    }

    /** The step named in a form, or null for the plan itself. */
    static UUID step(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(STEP, "typeMismatch.java.util.UUID");
        }
    }

    static InvalidInputException tooLarge() {
        return new InvalidInputException(FILE, "attachments.tooLarge", Attachments.MAX_BYTES / (1024 * 1024));
    }

    /**
     * A stored document as a download, never something the browser shows or runs: {@code attachment} with the
     * file's name (RFC 6266), the type found in its bytes, and {@code nosniff}.
     */
    static ResponseEntity<Resource> download(StoredFile file) {
        if (!Files.isReadable(file.path())) {
            throw new NotFoundException("attachments.notFound");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .body(new FileSystemResource(file.path()));
    }
}
