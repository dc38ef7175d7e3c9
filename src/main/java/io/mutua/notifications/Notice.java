package io.mutua.notifications;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification for one recipient: its kind, the plan and step it is about, who caused it (shown by name, never
 * told), the args of its message {@code notice.<KIND>}, and the key that makes recording it twice a no-op (e.g.
 * the activity's id and the recipient).
 */
record Notice(Recipient recipient, NoticeKind kind, UUID planId, UUID stepId, String actorName, List<String> args,
        String dedupeKey) {

    Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        args = List.copyOf(args);
    }
}
