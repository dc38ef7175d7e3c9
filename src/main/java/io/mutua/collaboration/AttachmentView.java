package io.mutua.collaboration;

import java.time.Instant;
import java.util.UUID;

/** A document attached to a plan or a step. */
public record AttachmentView(UUID id, UUID stepId, String fileName, String contentType, long sizeBytes,
        String uploaderName, boolean internal, Instant createdAt) {
}
