package io.mutua.collaboration;

import io.mutua.TestData;
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
import io.mutua.plans.NewStep;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

/**
 * Mutual action plans for collaboration tests, made through the services as people would: a deal, its closing
 * plan, full qualification, conversion, and two buyer contacts (the first the buyer's main contact). Names and
 * emails are unique per plan; {@link #seedInternal} adds internal items that all carry one secret marker.
 */
@Component
public class MutualPlanFixtures {

    private final TestData data;
    private final Users users;
    private final DealService deals;
    private final PlanService plans;
    private final Qualification qualification;
    private final Participants participants;
    private final BuyerAccess access;
    private final Comments comments;
    private final Attachments attachments;

    MutualPlanFixtures(TestData data, Users users, DealService deals, PlanService plans, Qualification qualification,
            Participants participants, BuyerAccess access, Comments comments, Attachments attachments) {
        this.data = data;
        this.users = users;
        this.deals = deals;
        this.plans = plans;
        this.qualification = qualification;
        this.participants = participants;
        this.access = access;
        this.comments = comments;
        this.attachments = attachments;
    }

    /** A mutual action plan and its people; {@code tag} is unique to it and appears in names and emails. */
    public record Fixture(UUID teamId, TestData.Seller rep, Viewer viewer, DealView deal, PlanView plan,
            ParticipantView mainContact, ParticipantView colleague, ParticipantView accountExecutive, String tag) {

        public UUID planId() {
            return plan.id();
        }

        public String buyerPath() {
            return "/b/plans/" + plan.id();
        }

        public String sellerPath() {
            return "/plans/" + plan.id();
        }

        public String sellerPage() {
            return "/deals/" + deal.id() + "/plan";
        }

        public StepView sharedStep() {
            return plan.steps().stream().filter(step -> step.visibility() == Visibility.SHARED).findFirst()
                    .orElseThrow();
        }
    }

    /** What {@link #seedInternal} made, all marked with {@code secret}. */
    public record Internal(String secret, StepView step, UUID attachmentId, UUID stepAttachmentId) {
    }

    public Fixture mutualPlan() {
        String tag = TestData.unique();
        UUID team = data.team("Collaboration");
        TestData.Seller rep = data.user("REP", team);
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Deal " + TestData.unique(), "Account " + tag,
                Money.of("50000", "EUR"), rep.id(), LocalDate.now().plusMonths(3), null, null), "prospecting");
        PlanView closing = generated(viewer, deal);
        for (MeddpiccElement element : MeddpiccElement.values()) {
            qualification.update(viewer, deal.id(), element, new QualificationChange(QualificationStatus.CONFIRMED,
                    "Confirmed", element.person() ? "Qualified Person" : null,
                    element.person() ? "qualified-" + tag + "@buyer.example" : null), 0);
        }
        PlanView plan = plans.convert(viewer, closing.id(), null, closing.version());
        ParticipantView chloe = participants.addBuyer(viewer, plan.id(), "Chloe Champion", "chloe-" + tag
                + "@buyer.example", "Head of Operations", BuyingRole.CHAMPION);
        ParticipantView eric = participants.addBuyer(viewer, plan.id(), "Eric Economic", "eric-" + tag
                + "@buyer.example", "CFO", BuyingRole.ECONOMIC_BUYER);
        participants.makeMainContact(viewer, plan.id(), chloe.id());
        ParticipantView ae = participants.list(viewer, plan.id()).stream().filter(p -> !p.buyer()).findFirst()
                .orElseThrow();
        return new Fixture(team, rep, viewer, deal, plans.get(viewer, plan.id()), access.participant(chloe.email(),
                plan.id()), access.participant(eric.email(), plan.id()), ae, tag);
    }

    private PlanView generated(Viewer viewer, DealView deal) {
        try {
            return plans.generate(viewer, deal.id());
        } catch (ConflictException alreadyGenerated) {
            return plans.findForDeal(viewer, deal.id()).orElseThrow();
        }
    }

    /**
     * Internal items with a secret in their text: an internal step (with a description, a comment and a document),
     * a milestone with only internal steps, an internal comment and document, and qualification notes.
     */
    public Internal seedInternal(Fixture fixture) {
        return seedInternal(fixture, "SECRET" + TestData.unique());
    }

    public Internal seedInternal(Fixture fixture, String secret) {
        Viewer viewer = fixture.viewer();
        UUID planId = fixture.planId();
        UUID milestone = fixture.plan().milestones().get(0).id();
        StepView step = plans.addStep(viewer, planId, new NewStep(milestone, "Step " + secret, "Description " + secret,
                Side.SELLER, Visibility.INTERNAL, 3, null, List.of(), null));
        UUID hiddenMilestone = plans.addMilestone(viewer, planId, "Milestone " + secret).id();
        plans.addStep(viewer, planId, new NewStep(hiddenMilestone, "Hidden " + secret, null, Side.SELLER,
                Visibility.INTERNAL, 2, null, List.of(), null));
        comments.addBySeller(viewer, planId, null, "Comment " + secret, true);
        comments.addBySeller(viewer, planId, step.id(), "Step comment " + secret, false);
        UUID attachment = attachments.uploadBySeller(viewer, planId, null, text("internal-" + secret + ".txt",
                "Attachment " + secret), true).id();
        UUID stepAttachment = attachments.uploadBySeller(viewer, planId, step.id(), text("step-" + secret + ".txt",
                "Step attachment " + secret), false).id();
        long version = qualification.card(viewer, fixture.deal().id()).stream()
                .filter(item -> item.element() == MeddpiccElement.METRICS).findFirst().orElseThrow().version();
        qualification.update(viewer, fixture.deal().id(), MeddpiccElement.METRICS,
                new QualificationChange(QualificationStatus.CONFIRMED, "Notes " + secret, null, null), version);
        return new Internal(secret, step, attachment, stepAttachment);
    }

    public static MockMultipartFile text(String name, String content) {
        return new MockMultipartFile("file", name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }
}
