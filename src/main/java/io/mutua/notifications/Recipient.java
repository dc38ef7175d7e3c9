package io.mutua.notifications;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is told: a seller user or a buyer participant (exactly one of the ids), with the address and language emails
 * go to. A buyer's language is the plan's.
 */
record Recipient(String email, UUID userId, UUID participantId, String language) {

    Recipient {
        Objects.requireNonNull(email, "email");
        if ((userId == null) == (participantId == null)) {
            throw new IllegalArgumentException("a recipient is a user or a participant");
        }
    }

    static Recipient seller(String email, UUID userId, String language) {
        return new Recipient(email, userId, null, language);
    }

    static Recipient buyer(String email, UUID participantId, String language) {
        return new Recipient(email, null, participantId, language);
    }

    boolean buyer() {
        return participantId != null;
    }
}
