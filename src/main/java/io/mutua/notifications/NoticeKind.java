package io.mutua.notifications;

/**
 * What a notification is about, most important first: the order digests list them in. Each kind has the message
 * keys {@code notice.<NAME>} (one line, with the notification's args) in both bundles.
 */
public enum NoticeKind {
    MENTIONED, ASSIGNED, SIGNATURES_OUTDATED, SIGNED, STEP_OVERDUE, STEP_DUE, STEP_CHANGED, COMMENTED, DOCUMENT_ADDED,
    CONVERTED, PARTICIPANT_ADDED, PARTICIPANT_REMOVED, INVITED, INVITATION_REMINDER;

    int importance() {
        return values().length - ordinal();
    }
}
