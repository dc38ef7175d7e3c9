package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every kind of notification can be chosen for, in exactly one group, with the defaults the issue asks for. */
class KindGroupTest {

    @Test
    void everyKindBelongsToExactlyOneGroup() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(Arrays.stream(KindGroup.values()).filter(group -> group.kinds().contains(kind)))
                    .as("%s", kind).hasSize(1);
        }
    }

    @Test
    void buyersGetAssignmentsAndMentionsAtOnceAndTheRestInTheDigest() {
        assertThat(KindGroup.of(NoticeKind.ASSIGNED).defaultFor(true)).isEqualTo(Mode.IMMEDIATE);
        assertThat(KindGroup.of(NoticeKind.MENTIONED).defaultFor(true)).isEqualTo(Mode.IMMEDIATE);
        assertThat(KindGroup.of(NoticeKind.COMMENTED).defaultFor(true)).isEqualTo(Mode.DIGEST);
        assertThat(KindGroup.of(NoticeKind.STEP_CHANGED).defaultFor(true)).isEqualTo(Mode.DIGEST);
        assertThat(KindGroup.of(NoticeKind.SIGNED).defaultFor(true)).isEqualTo(Mode.DIGEST);
        assertThat(KindGroup.of(NoticeKind.STEP_OVERDUE).defaultFor(true)).isEqualTo(Mode.DIGEST);
    }

    @Test
    void sellersGetEverythingAtOnceButRemindersInTheDigestUntilTheyChooseOtherwise() {
        for (KindGroup group : KindGroup.values()) {
            assertThat(group.defaultFor(false)).isEqualTo(group == KindGroup.REMINDERS ? Mode.DIGEST : Mode.IMMEDIATE);
        }
    }
}
