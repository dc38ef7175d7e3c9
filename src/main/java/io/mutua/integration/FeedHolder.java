package io.mutua.integration;

import java.util.Objects;
import java.util.UUID;

/** Whose a feed is: a seller user's, or a buyer participant's (on the feed's plan). Exactly one is set. */
record FeedHolder(UUID userId, UUID participantId) {

    FeedHolder {
        if ((userId == null) == (participantId == null)) {
            throw new IllegalArgumentException("a feed has one holder: a user or a participant");
        }
    }

    static FeedHolder seller(UUID userId) {
        return new FeedHolder(Objects.requireNonNull(userId), null);
    }

    static FeedHolder buyer(UUID participantId) {
        return new FeedHolder(null, Objects.requireNonNull(participantId));
    }

    boolean buyer() {
        return participantId != null;
    }
}
