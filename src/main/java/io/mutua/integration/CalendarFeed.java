package io.mutua.integration;

import java.time.Instant;
import java.util.UUID;

/** A live calendar feed as its holder's page lists it; its address is shown once only, when it is issued. */
public record CalendarFeed(UUID id, UUID planId, FeedScope scope, Instant createdAt, Instant regeneratedAt,
        Instant lastFetchedAt) {

    public boolean mine() {
        return scope == FeedScope.MINE;
    }

    public boolean neverFetched() {
        return lastFetchedAt == null;
    }
}
