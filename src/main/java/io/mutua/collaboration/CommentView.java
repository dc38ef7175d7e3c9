package io.mutua.collaboration;

import java.time.Instant;
import java.util.UUID;

/** A comment as shown: its body is Markdown, rendered and sanitized by the page. */
public record CommentView(UUID id, UUID stepId, String authorName, String authorSide, String body, boolean internal,
        Instant createdAt) {
}
