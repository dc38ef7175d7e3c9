package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.Attachments;
import io.mutua.collaboration.Comments;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Money;
import io.mutua.deals.Qualification;
import io.mutua.deals.QualificationChange;
import io.mutua.deals.QualificationStatus;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.NewStep;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SignatureOrigin;
import io.mutua.plans.SignatureRequest;
import io.mutua.playbooks.Side;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Visibility;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each change reaches exactly the people it concerns, by email when they want it at once and otherwise as a
 * notification kept for the digest; never the person who made it, never a buyer about anything internal.
 */
@IntegrationTest
class NotificationRecipientsIntegrationTest {

    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    PlanService plans;
    @Autowired
    BuyerPlans buyerPlans;
    @Autowired
    Participants participants;
    @Autowired
    Comments comments;
    @Autowired
    Attachments attachments;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    MutualPlanFixtures.Fixture fixture;
    Inbox inbox;
    TestData.Seller sam;
    Instant before;

    @BeforeEach
    void plan() {
        fixture = fixtures.mutualPlan();
        inbox = new Inbox(mailServer);
        sam = data.user("REP", fixture.teamId());
        participants.addSeller(fixture.viewer(), fixture.planId(), sam.id(), "Solutions engineer");
        before = lastNotification();
    }

    @Test
    void theNewOwnersOfAStepAreToldItIsTheirsAndTheOthersWhoFollowItThatItChanged() {
        StepView step = fixture.sharedStep();

        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(), new StepUpdate(null, null,
                null, null, List.of(OwnerRef.participant(fixture.colleague().id()), OwnerRef.user(sam.id())), null),
                false);

        assertThat(told()).containsExactlyInAnyOrder(
                new Told(fixture.colleague().email(), "ASSIGNED", "IMMEDIATE"),
                new Told(sam.email(), "ASSIGNED", "IMMEDIATE"),
                new Told(fixture.mainContact().email(), "STEP_CHANGED", "DIGEST"));
        MimeMessage toEric = inbox.await(fixture.colleague().email(), 1);
        assertThat(Inbox.subject(toEric)).isEqualTo("Account " + fixture.tag() + " · " + fixture.rep().name()
                + " assigned you the step “" + step.title() + "”, due "
                + ActivityNotices.date(step.targetDate(), java.util.Locale.ENGLISH));
        assertThat(Inbox.text(toEric)).contains("Hello Eric Economic,", "/b/sign-in?token=")
                .doesNotContain("/deals/");
        MimeMessage toSam = inbox.await(sam.email(), 1);
        assertThat(Inbox.html(toSam)).contains("href=\"http://localhost:8080/deals/" + fixture.deal().id()
                + "/plan#step-" + step.id() + "\"");
        assertThat(inbox.of(fixture.rep().email())).as("never the person who made the change").isEmpty();
        assertThat(mailed()).as("each immediate notification has its email")
                .containsExactlyInAnyOrder(fixture.colleague().email(), sam.email());
    }

    @Test
    void aSlipCascadeTellsEachFollowerOnceAndBuyersOnlyAboutSharedSteps() {
        UUID milestone = fixture.plan().milestones().get(0).id();
        UUID eric = fixture.colleague().id();
        StepView first = plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(milestone, "Pilot "
                + fixture.tag(), null, Side.BUYER, Visibility.SHARED, 3, null, List.of(),
                List.of(OwnerRef.participant(eric))));
        StepView second = plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(milestone, "Review "
                + fixture.tag(), null, Side.BUYER, Visibility.SHARED, 2, null, List.of(first.id()),
                List.of(OwnerRef.participant(eric))));
        plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(milestone, "Pricing " + fixture.tag(), null,
                Side.SELLER, Visibility.INTERNAL, 2, null, List.of(second.id()), List.of(OwnerRef.user(sam.id()))));
        assertThat(told()).as("a new step's owners are told it is theirs").containsExactlyInAnyOrder(
                new Told(fixture.colleague().email(), "ASSIGNED", "IMMEDIATE"),
                new Told(fixture.colleague().email(), "ASSIGNED", "IMMEDIATE"),
                new Told(sam.email(), "ASSIGNED", "IMMEDIATE"));
        before = lastNotification();

        plans.updateStep(fixture.viewer(), fixture.planId(), first.id(), first.version(), new StepUpdate(null, null,
                null, first.targetDate().plusWeeks(2), null, null), true);

        assertThat(told()).containsExactlyInAnyOrder(
                new Told(fixture.colleague().email(), "STEP_CHANGED", "DIGEST"),
                new Told(fixture.mainContact().email(), "STEP_CHANGED", "DIGEST"),
                new Told(sam.email(), "STEP_CHANGED", "IMMEDIATE"));
        assertThat(argsOf(fixture.colleague().email())).contains("Pilot " + fixture.tag(), "1 more step")
                .doesNotContain("Pricing");
        assertThat(Inbox.text(inbox.await(sam.email(), 2))).as("after the email that assigned the step").contains("Pricing " + fixture.tag(),
                "by an earlier step");
    }

    @Test
    void buyersAreNeverToldAboutInternalChangesNorDoTheirEmailsCarryTheInternalMarker() {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        StepView step = plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(internal.step().id())).findFirst().orElseThrow();

        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(), new StepUpdate(null, null,
                StepStatus.IN_PROGRESS, null, List.of(OwnerRef.user(fixture.rep().id()), OwnerRef.user(sam.id())),
                null), false);
        comments.addBySeller(fixture.viewer(), fixture.planId(), null, "@Chloe Champion see " + internal.secret(),
                true);

        assertThat(inbox.await(sam.email(), 1)).satisfies(mail -> assertThat(Inbox.text(mail))
                .contains(internal.secret()));
        assertThat(jdbc.sql("select count(*) from notification where plan_id = :plan "
                        + "and recipient_participant_id is not null and args::text like :secret")
                .param("plan", fixture.planId()).param("secret", "%" + internal.secret() + "%")
                .query(Integer.class).single()).isZero();
        assertThat(told()).noneMatch(told -> told.email().equals(fixture.mainContact().email())
                || told.email().equals(fixture.colleague().email()));
        comments.addBySeller(fixture.viewer(), fixture.planId(), fixture.sharedStep().id(),
                "@Eric Economic shared news " + fixture.tag(), false);
        MimeMessage shared = inbox.await(fixture.colleague().email(), 1);
        for (String email : List.of(fixture.mainContact().email(), fixture.colleague().email())) {
            for (MimeMessage mail : inbox.of(email)) {
                assertThat(Inbox.subject(mail) + Inbox.text(mail) + Inbox.html(mail))
                        .doesNotContain(internal.secret());
            }
        }
        assertThat(Inbox.text(shared)).contains("shared news " + fixture.tag());
    }

    @Test
    void aBuyersCommentDocumentAndStepChangeReachTheSellersButNeverTheBuyerWhoMadeThem() {
        StepView step = fixture.sharedStep();
        String chloe = fixture.mainContact().email();

        comments.addByBuyer(chloe, fixture.planId(), null, "Looks good " + fixture.tag());
        attachments.uploadByBuyer(chloe, fixture.planId(), null, MutualPlanFixtures.text("terms-" + fixture.tag()
                + ".txt", "Terms"));
        buyerPlans.updateStep(fixture.planId(), fixture.mainContact().id(), step.id(), step.version(),
                new StepUpdate(null, null, StepStatus.DONE, null, null, null), false);

        assertThat(told()).filteredOn(told -> told.email().equals(fixture.rep().email()))
                .extracting(Told::kind).containsExactlyInAnyOrder("COMMENTED", "DOCUMENT_ADDED", "STEP_CHANGED");
        assertThat(told()).noneMatch(told -> told.email().equals(chloe));
        inbox.await(fixture.rep().email(), 3);
        assertThat(inbox.of(fixture.rep().email())).extracting(Inbox::subject).anyMatch(subject -> subject
                .contains("Chloe Champion commented")).anyMatch(subject -> subject.contains("terms-" + fixture.tag()))
                .anyMatch(subject -> subject.contains("status Not started → Done")
                        || subject.contains("→ Done"));
        assertThat(inbox.of(chloe)).isEmpty();
    }

    @Test
    void theMainContactsHearWhoJoinedAndWhoLeftButNotThePersonWhoseAccessEnded() {
        ParticipantView dora = participants.addBuyer(fixture.viewer(), fixture.planId(), "Dora Legal", "dora-"
                + fixture.tag() + "@buyer.example", "Counsel", io.mutua.collaboration.BuyingRole.LEGAL);
        participants.revoke(fixture.viewer(), fixture.planId(), fixture.colleague().id(),
                fixture.colleague().version());

        assertThat(told()).containsExactlyInAnyOrder(
                new Told(fixture.mainContact().email(), "PARTICIPANT_ADDED", "DIGEST"),
                new Told(fixture.mainContact().email(), "PARTICIPANT_REMOVED", "DIGEST"));
        assertThat(told()).noneMatch(told -> told.email().equals(dora.email()));
    }

    @Test
    void everyoneElseOnThePlanHearsItWasSignedAndThatTheSignaturesAreOutdatedByALaterChange() {
        buyerPlans.sign(fixture.planId(), fixture.mainContact().id(), new SignatureRequest("Chloe Champion",
                "Head of Operations", true), new SignatureOrigin("127.0.0.1", "test"));

        assertThat(told()).containsExactlyInAnyOrder(
                new Told(fixture.rep().email(), "SIGNED", "IMMEDIATE"),
                new Told(sam.email(), "SIGNED", "IMMEDIATE"),
                new Told(fixture.colleague().email(), "SIGNED", "DIGEST"));
        assertThat(Inbox.subject(inbox.await(sam.email(), 1))).contains("Chloe Champion signed the plan");
        before = lastNotification();

        StepView step = plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(fixture.sharedStep().id())).findFirst().orElseThrow();
        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(), new StepUpdate(null, null,
                null, step.targetDate().plusWeeks(1), null, null), false);

        assertThat(told()).filteredOn(told -> told.kind().equals("SIGNATURES_OUTDATED")).extracting(Told::email)
                .containsExactlyInAnyOrder(fixture.mainContact().email(), fixture.colleague().email(), sam.email());
        assertThat(Inbox.text(inbox.await(sam.email(), 2))).contains(fixture.rep().name() + " changed the shared "
                + "content after it was signed");
    }

    @Test
    void theSellersOnADealHearWhenTheirManagerSharesItsPlanWithTheBuyer(@Autowired DealService deals,
            @Autowired Qualification qualification) {
        TestData.Seller manager = data.user("MANAGER", fixture.teamId());
        TestData.Seller owner = data.user("REP", fixture.teamId());
        Viewer viewer = users.viewer(manager.id());
        DealView deal = deals.create(viewer, new DealDetails("Deal " + fixture.tag(), "Converted " + fixture.tag(),
                Money.of("20000", "EUR"), owner.id(), LocalDate.now().plusMonths(2), null, null), "prospecting");
        PlanView closing = plans.generate(viewer, deal.id());
        for (MeddpiccElement element : MeddpiccElement.values()) {
            qualification.update(viewer, deal.id(), element, new QualificationChange(QualificationStatus.CONFIRMED,
                    "Confirmed", element.person() ? "Qualified Person" : null,
                    element.person() ? "qualified-" + fixture.tag() + "@buyer.example" : null), 0);
        }

        plans.convert(viewer, closing.id(), null, closing.version());

        assertThat(jdbc.sql("select recipient_email, kind, mode from notification where plan_id = :plan")
                .param("plan", closing.id())
                .query((rs, n) -> new Told(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .containsExactly(new Told(owner.email(), "CONVERTED", "IMMEDIATE"));
        assertThat(Inbox.subject(inbox.await(owner.email(), 1))).isEqualTo("Converted " + fixture.tag() + " · "
                + manager.name() + " shared the plan with the buyer as a mutual action plan");
        assertThat(inbox.of(manager.email())).isEmpty();
    }

    @Test
    void aCommentToldAgainIsNotRecordedTwice(@Autowired CommentNotices notices) {
        comments.addByBuyer(fixture.mainContact().email(), fixture.planId(), null, "Once " + fixture.tag());
        int told = told().size();
        UUID comment = jdbc.sql("select id from comment where plan_id = :plan and body = :body")
                .param("plan", fixture.planId()).param("body", "Once " + fixture.tag()).query(UUID.class).single();

        notices.on(new io.mutua.collaboration.CommentPosted(fixture.planId(), null, comment, null,
                fixture.mainContact().id(), "Chloe Champion", "Once " + fixture.tag(), false, List.of()));

        assertThat(told).isPositive();
        assertThat(told()).hasSize(told);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record Told(String email, String kind, String mode) {
    }

    private Instant lastNotification() {
        return jdbc.sql("select coalesce(max(created_at), 'epoch') from notification where plan_id = :plan")
                .param("plan", fixture.planId()).query(Timestamp.class).single().toInstant();
    }

    /** The notifications of the plan since {@link #before}, in the order they were recorded. */
    private List<Told> told() {
        return jdbc.sql("select recipient_email, kind, mode from notification where plan_id = :plan "
                        + "and created_at > :before order by created_at, id")
                .param("plan", fixture.planId()).param("before", Timestamp.from(before))
                .query((rs, n) -> new Told(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<String> mailed() {
        return jdbc.sql("select n.recipient_email from notification n join mail_outbox m on m.id = n.mail_id "
                        + "where n.plan_id = :plan and n.created_at > :before order by n.created_at")
                .param("plan", fixture.planId()).param("before", Timestamp.from(before)).query(String.class).list();
    }

    private String argsOf(String email) {
        return jdbc.sql("select string_agg(args::text, ' ') from notification where plan_id = :plan "
                        + "and recipient_email = :email and kind = 'STEP_CHANGED'")
                .param("plan", fixture.planId()).param("email", email).query(String.class).single();
    }
}
