package io.mutua.integration;

import java.io.Serializable;

/** What a change on the calendar page leaves to show: an address just issued, a confirmation, or a refusal. */
record FeedOutcome(IssuedFeed issued, String confirmation, String notice) implements Serializable {

    static final FeedOutcome NONE = new FeedOutcome(null, null, null);

    static FeedOutcome issued(IssuedFeed feed) {
        return new FeedOutcome(feed, null, null);
    }

    static FeedOutcome confirmed(String message) {
        return new FeedOutcome(null, message, null);
    }

    static FeedOutcome refused(String message) {
        return new FeedOutcome(null, null, message);
    }
}
