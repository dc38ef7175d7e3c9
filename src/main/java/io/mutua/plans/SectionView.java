package io.mutua.plans;

import java.time.Instant;

/** One section of a mutual action plan, in Markdown; version 0 while nobody wrote it. */
public record SectionView(SectionKey key, String content, Instant updatedAt, long version) {

    public boolean empty() {
        return content == null || content.isBlank();
    }
}
