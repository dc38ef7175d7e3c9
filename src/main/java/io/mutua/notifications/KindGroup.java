package io.mutua.notifications;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of notification as people choose how to hear about them (message keys {@code notificationGroup.<NAME>}).
 * Defaults: sellers hear about everything at once; buyers get the daily digest, except for what needs them now
 * (a step assigned to them, a mention, an invitation).
 */
public enum KindGroup {
    ASSIGNED(Mode.IMMEDIATE, NoticeKind.ASSIGNED),
    MENTIONS(Mode.IMMEDIATE, NoticeKind.MENTIONED),
    MY_STEPS(Mode.DIGEST, NoticeKind.STEP_CHANGED),
    DISCUSSION(Mode.DIGEST, NoticeKind.COMMENTED, NoticeKind.DOCUMENT_ADDED),
    PLAN_EVENTS(Mode.DIGEST, NoticeKind.SIGNATURES_OUTDATED, NoticeKind.SIGNED, NoticeKind.CONVERTED,
            NoticeKind.PARTICIPANT_ADDED, NoticeKind.PARTICIPANT_REMOVED),
    REMINDERS(Mode.DIGEST, NoticeKind.STEP_DUE, NoticeKind.STEP_OVERDUE),
    INVITATIONS(Mode.IMMEDIATE, NoticeKind.INVITED, NoticeKind.INVITATION_REMINDER);

    private final Mode buyerDefault;
    private final Set<NoticeKind> kinds;

    KindGroup(Mode buyerDefault, NoticeKind... kinds) {
        this.buyerDefault = buyerDefault;
        this.kinds = EnumSet.copyOf(Arrays.asList(kinds));
    }

    static KindGroup of(NoticeKind kind) {
        return Arrays.stream(values()).filter(group -> group.kinds.contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group for " + kind));
    }

    Set<NoticeKind> kinds() {
        return Set.copyOf(kinds);
    }

    /**
     * Buyers: the group's default. Sellers: everything at once, except reminders, which come together in the
     * morning's digest (the reminders job runs from 07:00) rather than as one email per step.
     */
    Mode defaultFor(boolean buyer) {
        return buyer ? buyerDefault : this == REMINDERS ? Mode.DIGEST : Mode.IMMEDIATE;
    }
}
