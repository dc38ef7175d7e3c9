package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What each person is told, and how: defaults for both sides, stored choices, per-plan overrides, stale saves. */
@IntegrationTest
class PreferencesIntegrationTest {

    @Autowired
    Preferences preferences;
    @Autowired
    Notifications notifications;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    MutualPlanFixtures.Fixture plan;
    MutualPlanFixtures.Fixture otherPlan;
    Recipient buyer;
    Recipient seller;

    @BeforeEach
    void twoPlans() {
        plan = fixtures.mutualPlan();
        otherPlan = fixtures.mutualPlan();
        buyer = Recipient.buyer(plan.mainContact().email(), plan.mainContact().id(), "en");
        seller = Recipient.seller(plan.rep().email(), plan.rep().id(), "en");
    }

    @Test
    void buyersGetTheDigestExceptForAssignmentsMentionsAndInvitationsSellersGetEverythingAtOnce() {
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.STEP_CHANGED)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.STEP_DUE)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.ASSIGNED)).isEqualTo(Mode.IMMEDIATE);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.MENTIONED)).isEqualTo(Mode.IMMEDIATE);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.INVITATION_REMINDER))
                .isEqualTo(Mode.IMMEDIATE);
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(preferences.modeFor(seller, plan.planId(), kind)).as("%s", kind)
                    .isEqualTo(KindGroup.of(kind) == KindGroup.REMINDERS ? Mode.DIGEST : Mode.IMMEDIATE);
        }
    }

    @Test
    void aPlansOwnModeBeatsTheGroupWhichBeatsTheDefault() {
        preferences.save(buyer.email().toUpperCase(), Map.of(KindGroup.DISCUSSION, Mode.OFF,
                KindGroup.ASSIGNED, Mode.DIGEST), Map.of(otherPlan.planId(), Mode.IMMEDIATE), "America/New_York", 0);

        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.OFF);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.DOCUMENT_ADDED)).isEqualTo(Mode.OFF);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.ASSIGNED)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.modeFor(buyer, plan.planId(), NoticeKind.MENTIONED)).isEqualTo(Mode.IMMEDIATE);
        assertThat(preferences.modeFor(buyer, otherPlan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.IMMEDIATE);
        assertThat(preferences.zoneOf(buyer.email())).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(preferences.zoneOf(seller.email())).isEqualTo(preferences.defaultZone());
    }

    @Test
    void aBuyerWhoChoseNoTimeZoneFollowsTheirSellersUntilTheyChooseOne() {
        Recipient colleague = Recipient.buyer(plan.colleague().email(), plan.colleague().id(), "en");
        assertThat(preferences.zoneOf(colleague.email())).isEqualTo(preferences.defaultZone());

        preferences.save(seller.email(), Map.of(), Map.of(), "Asia/Tokyo", 0);
        assertThat(preferences.zoneOf(colleague.email())).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(preferences.settings(colleague.email(), true).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        preferences.save(colleague.email(), Map.of(), Map.of(), "Europe/Lisbon", 0);
        assertThat(preferences.zoneOf(colleague.email())).isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void aNotificationIsRecordedWithTheModeItsRecipientChose() {
        preferences.save(buyer.email(), Map.of(), Map.of(plan.planId(), Mode.OFF), "Europe/Athens", 0);

        notifications.record(new Notice(buyer, NoticeKind.ASSIGNED, plan.planId(), null, "Rita Rep",
                List.of("Security review", "3 Mar"), "pref-test:" + TestData.unique()));

        assertThat(jdbc.sql("select mode from notification where recipient_participant_id = :p")
                .param("p", buyer.participantId()).query(String.class).list()).containsExactly("OFF");
    }

    @Test
    void aSaveOverAnOutdatedVersionChangesNothing() {
        long first = preferences.save(seller.email(), Map.of(KindGroup.DISCUSSION, Mode.DIGEST), Map.of(),
                "Europe/Athens", 0);

        assertThatThrownBy(() -> preferences.save(seller.email(), Map.of(KindGroup.DISCUSSION, Mode.OFF), Map.of(),
                "UTC", 0)).isInstanceOf(StaleVersionException.class);

        NotificationSettings saved = preferences.settings(seller.email(), false);
        assertThat(saved.group(KindGroup.DISCUSSION)).isEqualTo(Mode.DIGEST);
        assertThat(saved.zone()).isEqualTo(ZoneId.of("Europe/Athens"));
        assertThat(saved.version()).isEqualTo(first);
        assertThat(preferences.save(seller.email(), Map.of(KindGroup.DISCUSSION, Mode.OFF), Map.of(), "UTC", first))
                .isEqualTo(first + 1);
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertThatThrownBy(() -> preferences.save(seller.email(), Map.of(), Map.of(), "Mars/Olympus", 0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("notificationSettings.badTimeZone"));
        assertThat(preferences.settings(seller.email(), false).version()).isZero();
    }
}
