package io.mutua.notifications;

/**
 * What a notification is about, most important first: the order digests list them in. Each kind has the message
 * {@code notice.<NAME>} in both bundles, written by {@link NoticeText} with {0} the actor's name and then the
 * notification's args: MENTIONED, COMMENTED {1} the step title or empty for the plan, {2} the comment's first
 * words; ASSIGNED, STEP_DUE {1} step, {2} target date; STEP_OVERDUE {1} step, {2} target date, {3} business days
 * late; STEP_CHANGED {1} step, {2} what changed (e.g. "target date 3 Mar → 10 Mar"); DOCUMENT_ADDED {1} file
 * name; SIGNED {1} signer's name; SIGNATURES_OUTDATED, CONVERTED none; PARTICIPANT_ADDED, PARTICIPANT_REMOVED {1}
 * the person's name; INVITED, INVITATION_REMINDER {1} the account.
 */
public enum NoticeKind {
    MENTIONED, ASSIGNED, SIGNATURES_OUTDATED, SIGNED, STEP_OVERDUE, STEP_DUE, STEP_CHANGED, COMMENTED, DOCUMENT_ADDED,
    CONVERTED, PARTICIPANT_ADDED, PARTICIPANT_REMOVED, INVITED, INVITATION_REMINDER;

    int importance() {
        return values().length - ordinal();
    }
}
