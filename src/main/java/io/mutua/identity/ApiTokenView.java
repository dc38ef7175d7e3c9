package io.mutua.identity;

import java.time.Instant;
import java.util.UUID;

/** A live personal API token as its owner sees it: never the secret itself. */
public record ApiTokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
}
