package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealService;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing a mutual action plan through the real stack: the seller signer signs on the seller's page, the buyer's
 * main contact on the buyer's page (a real magic-link session); the plan is SIGNED; progress and internal changes
 * keep the signatures valid, a shared change outdates them and shows what changed; rows altered behind the
 * application's back are detected; revisions are taken at conversion, signature, close and on demand.
 */
@IntegrationTest
class PlanSignaturesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    PlanSignatures signatures;
    @Autowired
    Participants participants;
    @Autowired
    DealService deals;
    @Autowired
    JdbcClient jdbc;

    MutualPlanFixtures.Fixture fixture;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
    }

    @Test
    void aRevisionIsTakenWhenThePlanBecomesMutual() {
        List<RevisionView> revisions = signatures.revisions(fixture.viewer(), fixture.planId());
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).number()).isEqualTo(1);
        assertThat(revisions.get(0).reason()).isEqualTo(RevisionReason.CONVERSION);
        assertThat(revisions.get(0).contentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void bothSidesSignThenProgressAndInternalChangesKeepItSignedAndASharedDateChangeOutdatesIt() throws Exception {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        String sellerPanel = sellerSigns(fixture.rep().name().toUpperCase(), "Account Executive");
        assertThat(sellerPanel).contains("id=\"signed-by-me\"").contains(">Valid<");
        assertThat(status()).isEqualTo(PlanStatus.ACTIVE);

        BuyerClient buyer = signedIn(fixture.mainContact());
        String buyerPanel = buyer.htmx(fixture.buyerPath() + "/signatures").getContentAsString();
        assertThat(buyerPanel).contains("id=\"sign-form\"").contains(fixture.rep().name());
        MockHttpServletResponse signed = buyer.post(fixture.buyerPath() + "/signatures", "name", "chloe  champion",
                "title", "Head of Operations", "confirm", "true");
        assertThat(signed.getStatus()).isEqualTo(302);
        assertThat(status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(buyer.get(fixture.buyerPath()).getContentAsString()).contains("plan-status-signed");

        SignatureCertificate certificate = signatures.certificate(fixture.planId());
        assertThat(certificate.signatures()).extracting(SignatureView::side).containsExactly(Side.SELLER, Side.BUYER);
        assertThat(certificate.signatures()).allMatch(SignatureView::valid)
                .allMatch(signature -> signature.contentHash().equals(certificate.contentHash()))
                .allMatch(signature -> signature.ip() != null)
                .allMatch(signature -> signature.revision() == certificate.latestRevision());
        assertThat(certificate.signatures().get(1).name()).isEqualTo("chloe  champion");

        // Progress is not signed: working on a shared step keeps the signatures.
        StepView shared = current(fixture.sharedStep());
        plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                StepUpdate.status(StepStatus.IN_PROGRESS), false);
        // Neither is anything internal: a new internal step, another date and title of one.
        plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(shared.milestoneId(), "Pricing " + internal
                .secret(), null, Side.SELLER, Visibility.INTERNAL, 2, null, List.of(), null));
        StepView secret = current(internal.step());
        plans.updateStep(fixture.viewer(), fixture.planId(), secret.id(), secret.version(),
                new StepUpdate("Renamed " + internal.secret(), null, null, secret.targetDate().plusDays(9), null,
                        null), false);
        assertThat(status()).isEqualTo(PlanStatus.SIGNED);
        assertThat(signatures.certificate(fixture.planId()).signatures()).allMatch(SignatureView::valid);

        // A shared date moves: both signatures are outdated and re-signing is requested.
        StepView moving = fixture.plan().steps().stream()
                .filter(step -> step.visibility() == Visibility.SHARED && !step.id().equals(shared.id()))
                .reduce((first, second) -> second).map(this::current).orElseThrow();
        plans.updateStep(fixture.viewer(), fixture.planId(), moving.id(), moving.version(),
                StepUpdate.targetDate(moving.targetDate().plusDays(14)), false);
        assertThat(status()).isEqualTo(PlanStatus.ACTIVE);
        SignatureCertificate after = signatures.certificate(fixture.planId());
        assertThat(after.resigningRequested()).isTrue();
        assertThat(after.signatures()).hasSize(2)
                .allMatch(signature -> signature.status() == SignatureStatus.OUTDATED);

        String page = mvc.perform(get(fixture.sellerPath() + "/signatures").header("HX-Request", "true")
                .with(SignIn.as(fixture.rep()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"since-signed\"").contains("id=\"diff-step-" + moving.id() + "\"")
                .contains("diff-moved").contains(">Outdated<").contains("id=\"resigning-requested\"")
                .doesNotContain(internal.secret());
        String buyerSince = buyer.htmx(fixture.buyerPath() + "/signatures").getContentAsString();
        assertThat(buyerSince).contains("id=\"diff-step-" + moving.id() + "\"").contains("id=\"sign-form\"")
                .doesNotContain(internal.secret());
    }

    @Test
    void theSellerSignerMustTypeTheirOwnNameAndConfirm() throws Exception {
        MockHttpServletResponse wrong = mvc.perform(post(fixture.sellerPath() + "/signatures")
                .header("HX-Request", "true").with(SignIn.as(fixture.rep())).with(csrf())
                .param("name", "Somebody Else").param("title", "AE").param("confirm", "true"))
                .andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("Type your name as it is on the plan")
                .contains("value=\"Somebody Else\"");
        MockHttpServletResponse unconfirmed = mvc.perform(post(fixture.sellerPath() + "/signatures")
                .header("HX-Request", "true").with(SignIn.as(fixture.rep())).with(csrf())
                .param("name", fixture.rep().name()).param("title", "AE")).andReturn().getResponse();
        assertThat(unconfirmed.getStatus()).isEqualTo(422);
        assertThat(unconfirmed.getContentAsString()).contains("Tick the box");
        assertThat(signatures.certificate(fixture.planId()).signatures()).isEmpty();
    }

    @Test
    void contentAlteredBehindTheApplicationsBackIsDetected() throws Exception {
        sellerSigns(fixture.rep().name(), "Account Executive");
        assertThat(signatures.certificate(fixture.planId()).signatures()).extracting(SignatureView::status)
                .containsExactly(SignatureStatus.VALID);

        jdbc.sql("update plan_step set title = 'Quietly changed' where id = :id")
                .param("id", fixture.sharedStep().id()).update();
        assertThat(signatures.certificate(fixture.planId()).signatures()).extracting(SignatureView::status)
                .containsExactly(SignatureStatus.TAMPERED);
        String panel = mvc.perform(get(fixture.sellerPath() + "/signatures").header("HX-Request", "true")
                .with(SignIn.as(fixture.rep()))).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("signature-status-tampered").contains("Does not verify");
    }

    @Test
    void aStoredRevisionAlteredBehindTheApplicationsBackIsDetected() throws Exception {
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.PROBLEMS, "Onboarding takes months", 0);
        sellerSigns(fixture.rep().name(), "Account Executive");
        jdbc.sql("update plan_section set content = content || ' (edited in the database)' where plan_id = :plan")
                .param("plan", fixture.planId()).update();
        assertThat(signatures.certificate(fixture.planId()).signatures()).extracting(SignatureView::status)
                .containsExactly(SignatureStatus.TAMPERED);

        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        fixture = other;
        sellerSigns(fixture.rep().name(), "Account Executive");
        int revision = signatures.certificate(fixture.planId()).signatures().get(0).revision();
        jdbc.sql("update plan_revision set content = replace(content, '\"targetDate\":\"', '\"targetDate\":\"1') "
                + "where plan_id = :plan and number = :number")
                .param("plan", fixture.planId()).param("number", revision).update();
        assertThat(signatures.certificate(fixture.planId()).signatures()).extracting(SignatureView::status)
                .containsExactly(SignatureStatus.TAMPERED);
        assertThat(mvc.perform(get(fixture.sellerPath() + "/revisions/1/diff/" + revision)
                .with(SignIn.as(fixture.rep()))).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(get(fixture.sellerPath() + "/signatures").with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getContentAsString()).contains("signature-status-tampered");
    }

    @Test
    void revisionsOnDemandAreNotDuplicatedAndTheClosedPlanGetsOne() throws Exception {
        MockHttpServletResponse saved = mvc.perform(post(fixture.sellerPath() + "/revisions")
                .header("HX-Request", "true").with(SignIn.as(fixture.rep())).with(csrf())).andReturn().getResponse();
        assertThat(saved.getContentAsString()).contains("Nothing changed since revision 1");
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.SUCCESS_CRITERIA,
                "Go live with **two** teams", sectionVersion(SectionKey.SUCCESS_CRITERIA));
        saved = mvc.perform(post(fixture.sellerPath() + "/revisions")
                .header("HX-Request", "true").with(SignIn.as(fixture.rep())).with(csrf())).andReturn().getResponse();
        assertThat(saved.getContentAsString()).contains("Revision 2 saved.").contains("id=\"revision-2\"");

        String diff = mvc.perform(get(fixture.sellerPath() + "/revisions/1/diff/2").with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getContentAsString();
        assertThat(diff).contains("id=\"diff-section-success_criteria\"").contains("Go live with **two** teams");

        StepView shared = current(fixture.sharedStep());
        plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                StepUpdate.targetDate(shared.targetDate().plusDays(7)), false);
        var deal = deals.get(fixture.viewer(), fixture.deal().id());
        deals.close(fixture.viewer(), deal.id(), Outcome.WON, "Signed the contract", deal.version());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(signatures.revisions(fixture.viewer(), fixture.planId()))
                        .extracting(RevisionView::number, RevisionView::reason).first()
                        .isEqualTo(org.assertj.core.groups.Tuple.tuple(3, RevisionReason.CLOSE)));
    }

    @Test
    void aStaleChoiceOfSignersOverwritesNothingAndThePanelSpeaksThePagesLanguage() throws Exception {
        MockHttpServletResponse chosen = chooseSigners(0, fixture.colleague());
        assertThat(chosen.getStatus()).isEqualTo(200);
        assertThat(chosen.getContentAsString()).contains("The signers are saved.");
        MockHttpServletResponse stale = chooseSigners(0, fixture.mainContact());
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("Someone changed the signers meanwhile");
        assertThat(signatures.certificate(fixture.planId()).requiredSigners())
                .extracting(SignerView::participantId)
                .containsExactly(fixture.accountExecutive().id(), fixture.colleague().id());

        String greek = mvc.perform(get(fixture.sellerPath() + "/signatures").header("HX-Request", "true")
                .locale(Locale.forLanguageTag("el")).with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getContentAsString();
        assertThat(greek).contains("Υπογραφές").contains("Ποιοι υπογράφουν").contains("Eric Economic")
                .doesNotContain("Who signs");
    }

    private MockHttpServletResponse chooseSigners(long version, ParticipantView buyer) throws Exception {
        return mvc.perform(post(fixture.sellerPath() + "/signers").header("HX-Request", "true")
                .with(SignIn.as(fixture.rep())).with(csrf()).param("version", String.valueOf(version))
                .param("seller", fixture.accountExecutive().id().toString())
                .param("buyers", buyer.id().toString())).andReturn().getResponse();
    }

    private String sellerSigns(String name, String title) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(fixture.sellerPath() + "/signatures")
                .header("HX-Request", "true").with(SignIn.as(fixture.rep())).with(csrf())
                .param("name", name).param("title", title).param("confirm", "true")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private BuyerClient signedIn(ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))))
                .getStatus()).isEqualTo(302);
        return buyer;
    }

    private PlanStatus status() {
        return plans.get(fixture.viewer(), fixture.planId()).status();
    }

    private StepView current(StepView step) {
        return plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(step.id())).findFirst().orElseThrow();
    }

    private long sectionVersion(SectionKey key) {
        return plans.get(fixture.viewer(), fixture.planId()).sections().stream()
                .filter(section -> section.key() == key).findFirst().orElseThrow().version();
    }
}
