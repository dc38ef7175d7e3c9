package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.BuyingRole;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Daily digests at a pinned clock, for a buyer in Athens and a seller in New York: each gets one email once 08:00
 * has come where they are, grouped by plan with the most important news first, in their language, with a way in and
 * a one-click unsubscribe; a second run the same day sends nothing more.
 */
@IntegrationTest
class DigestsIntegrationTest {

    private static final Instant ATHENS_0759 = Instant.parse("2031-01-15T05:59:00Z");
    private static final Instant ATHENS_0800 = Instant.parse("2031-01-15T06:00:00Z");
    private static final Instant NEW_YORK_0759 = Instant.parse("2031-01-15T12:59:00Z");
    private static final Instant NEW_YORK_0800 = Instant.parse("2031-01-15T13:00:00Z");
    private static final Instant SAME_EVENING = Instant.parse("2031-01-15T20:00:00Z");
    private static final Instant NEXT_ATHENS_0800 = Instant.parse("2031-01-16T06:00:00Z");

    @Autowired
    Digests digests;
    @Autowired
    Notifications notifications;
    @Autowired
    Preferences preferences;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    MockMvc mvc;

    MutualPlanFixtures.Fixture renewal;
    MutualPlanFixtures.Fixture expansion;
    Recipient athensOnRenewal;
    Recipient athensOnExpansion;
    Recipient newYork;
    Inbox inbox;

    @BeforeEach
    void aBuyerInAthensOnTwoPlansAndASellerInNewYork() {
        renewal = fixtures.mutualPlan();
        expansion = fixtures.mutualPlan();
        PlanView greek = plans.get(expansion.viewer(), expansion.planId());
        plans.describe(expansion.viewer(), greek.id(), new PlanDetails("el", greek.targetSignature(),
                greek.targetGoLive(), greek.allowedDomains()), greek.version());
        String chloe = renewal.mainContact().email();
        ParticipantView onExpansion = participants.addBuyer(expansion.viewer(), expansion.planId(), "Chloe Champion",
                chloe, "Head of Operations", BuyingRole.CHAMPION);
        athensOnRenewal = Recipient.buyer(chloe, renewal.mainContact().id(), "en");
        athensOnExpansion = Recipient.buyer(chloe, onExpansion.id(), "el");
        newYork = Recipient.seller(renewal.rep().email(), renewal.rep().id(), "en");
        preferences.save(chloe, Map.of(), Map.of(), "Europe/Athens", 0);
        preferences.save(newYork.email(), Map.of(KindGroup.MY_STEPS, Mode.DIGEST), Map.of(), "America/New_York", 0);
        inbox = new Inbox(mailServer);
    }

    @Test
    void eachGetsOneGroupedDigestAtEightInTheirOwnTimeZoneAndNoMoreThatDay() throws Exception {
        record(athensOnRenewal, NoticeKind.DOCUMENT_ADDED, renewal, "Rita Rep", "pricing.pdf");
        record(athensOnRenewal, NoticeKind.COMMENTED, renewal, "Rita Rep", "", "Looks good to us");
        record(athensOnExpansion, NoticeKind.SIGNATURES_OUTDATED, expansion, "Sam Seller");
        record(athensOnRenewal, NoticeKind.ASSIGNED, renewal, "Rita Rep", "Security review", "3 Feb");
        record(newYork, NoticeKind.STEP_CHANGED, renewal, "Chloe Champion", "Security review",
                "target date 3 Feb → 10 Feb");

        digests.sendDueDigests(ATHENS_0759);
        assertThat(queued(athensOnRenewal)).isZero();

        digests.sendDueDigests(ATHENS_0800);
        assertThat(queued(athensOnRenewal)).isOne();
        assertThat(queued(newYork)).isZero();
        MimeMessage athens = inbox.await(athensOnRenewal.email(), 1);
        String text = part(athens, "text/plain");
        String html = part(athens, "text/html");
        assertThat(Inbox.subject(athens)).isEqualTo("Η ημερήσια σύνοψή σας: 3 ενημερώσεις");
        String expansionHeading = expansion.deal().account();
        String renewalHeading = renewal.deal().account();
        assertThat(text).containsSubsequence(expansionHeading,
                "Ο/Η Sam Seller άλλαξε το κοινό περιεχόμενο μετά την υπογραφή",
                renewalHeading, "Ο/Η Rita Rep σχολίασε: «Looks good to us»", "πρόσθεσε το έγγραφο «pricing.pdf»");
        assertThat(text).doesNotContain("Security review")
                .contains("http://localhost:8080/b/plans/" + expansion.planId(),
                        "http://localhost:8080/b/plans/" + renewal.planId());
        assertThat(html).containsSubsequence(expansionHeading, renewalHeading).contains("style=\"")
                .doesNotContain("<img", "<script");
        String signIn = BuyerClient.linkIn(text);
        assertThat(new BuyerClient(mvc).signInWith(signIn).getStatus()).isEqualTo(302);

        digests.sendDueDigests(NEW_YORK_0759);
        assertThat(queued(newYork)).isZero();
        digests.sendDueDigests(NEW_YORK_0800);
        assertThat(queued(newYork)).isOne();
        String seller = part(inbox.await(newYork.email(), 1), "text/plain");
        assertThat(seller).contains(renewalHeading, "Chloe Champion changed “Security review”: target date",
                "http://localhost:8080/deals/" + renewal.deal().id() + "/plan").doesNotContain("/b/sign-in");

        digests.sendDueDigests(NEW_YORK_0800.plusSeconds(300));
        record(athensOnRenewal, NoticeKind.COMMENTED, renewal, "Rita Rep", "", "One more thing");
        digests.sendDueDigests(SAME_EVENING);
        assertThat(queued(athensOnRenewal)).isOne();
        assertThat(queued(newYork)).isOne();

        digests.sendDueDigests(NEXT_ATHENS_0800);
        assertThat(queued(athensOnRenewal)).isEqualTo(2);
        String nextDay = part(inbox.await(athensOnRenewal.email(), 2), "text/plain");
        assertThat(nextDay).contains("One more thing").doesNotContain("pricing.pdf", "Looks good to us");
    }

    @Test
    void nothingWaitingMeansNoEmailAndTheDigestCarriesAOneClickUnsubscribe() throws Exception {
        digests.sendDueDigests(ATHENS_0800);
        assertThat(queued(athensOnRenewal)).isZero();

        record(athensOnRenewal, NoticeKind.COMMENTED, renewal, "Rita Rep", "", "Please review");
        digests.sendDueDigests(NEXT_ATHENS_0800);
        MimeMessage digest = inbox.await(athensOnRenewal.email(), 1);
        assertThat(Inbox.subject(digest)).isEqualTo("Your daily summary: 1 update");
        String unsubscribe = header(digest, "List-Unsubscribe");
        assertThat(unsubscribe).matches("<http://localhost:8080/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(part(digest, "text/plain")).contains(unsubscribe.substring(1, unsubscribe.length() - 1));

        String path = unsubscribe.substring("<http://localhost:8080".length(), unsubscribe.length() - 1);
        assertThat(mvc.perform(post(path).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(preferences.modeFor(athensOnRenewal, renewal.planId(), NoticeKind.MENTIONED)).isEqualTo(Mode.OFF);
        assertThat(preferences.modeFor(athensOnExpansion, expansion.planId(), NoticeKind.COMMENTED))
                .isEqualTo(Mode.OFF);
    }

    @Test
    void whatWasTurnedOffAfterItWasRecordedIsLeftOutAndWaitsNoMore() throws Exception {
        record(athensOnRenewal, NoticeKind.COMMENTED, renewal, "Rita Rep", "", "Muted plan news");
        record(athensOnExpansion, NoticeKind.DOCUMENT_ADDED, expansion, "Sam Seller", "contract.pdf");
        preferences.save(athensOnRenewal.email(), Map.of(), Map.of(renewal.planId(), Mode.OFF), "Europe/Athens", 1);

        digests.sendDueDigests(ATHENS_0800);

        String text = part(inbox.await(athensOnRenewal.email(), 1), "text/plain");
        assertThat(text).contains("contract.pdf").doesNotContain("Muted plan news");
        assertThat(waiting(athensOnRenewal)).isZero();

        record(athensOnRenewal, NoticeKind.COMMENTED, renewal, "Rita Rep", "", "Still muted");
        digests.sendDueDigests(NEXT_ATHENS_0800);
        assertThat(queued(athensOnRenewal)).isOne();
        assertThat(waiting(athensOnRenewal)).isZero();
    }

    private int waiting(Recipient recipient) {
        return jdbc.sql("select count(*) from notification where lower(recipient_email) = lower(:email) "
                        + "and mode = 'DIGEST' and digested_at is null")
                .param("email", recipient.email()).query(Integer.class).single();
    }

    private void record(Recipient recipient, NoticeKind kind, MutualPlanFixtures.Fixture plan, String actor,
            String... args) {
        notifications.record(new Notice(recipient, kind, plan.planId(), null, actor, List.of(args),
                "digest-test:" + TestData.unique()));
    }

    private int queued(Recipient recipient) {
        return jdbc.sql("select count(*) from mail_outbox where kind = 'digest' and lower(recipient) = lower(:email)")
                .param("email", recipient.email()).query(Integer.class).single();
    }

    private static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        assertThat(values).as(name).isNotNull().hasSize(1);
        return values[0];
    }

    /** The decoded body of the message's first part of this type, wherever it is nested. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString().replace("\r\n", "\n");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
