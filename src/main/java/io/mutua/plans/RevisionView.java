package io.mutua.plans;

import java.time.Instant;

/** One revision of a plan's shared content; {@code actorName} is null when Mutua took it by itself. */
public record RevisionView(int number, RevisionReason reason, Instant createdAt, String actorName,
        String contentHash) {

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
