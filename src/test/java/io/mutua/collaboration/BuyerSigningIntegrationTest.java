package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.identity.SignIn;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.SectionKey;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Buyers sign on their own plan page, in a real magic-link session: only a required buyer signer can, with the
 * CSRF token of their page; the seller can require more buyers; and nothing internal ever shows in the buyer's
 * signatures panel, revisions or comparisons.
 */
@IntegrationTest
class BuyerSigningIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    PlanService plans;

    MutualPlanFixtures.Fixture fixture;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
    }

    @Test
    void theMainContactSignsWithTheirSessionAndCsrfTokenAndOthersOnlyOnceRequired() throws Exception {
        BuyerClient chloe = signedIn(fixture.mainContact());
        BuyerClient eric = signedIn(fixture.colleague());

        String ericsPanel = eric.htmx(fixture.buyerPath() + "/signatures").getContentAsString();
        assertThat(ericsPanel).contains("Chloe Champion").doesNotContain("id=\"sign-form\"")
                .doesNotContain("Choose signers");
        assertThat(eric.post(fixture.buyerPath() + "/signatures", "name", "Eric Economic", "title", "CFO",
                "confirm", "true").getStatus()).as("not a required signer").isEqualTo(403);

        String chloesPanel = chloe.htmx(fixture.buyerPath() + "/signatures").getContentAsString();
        assertThat(chloesPanel).contains("id=\"sign-form\"");
        assertThat(chloe.postWithoutCsrf(fixture.buyerPath() + "/signatures", "name", "Chloe Champion", "title",
                "Head of Operations", "confirm", "true").getStatus()).isEqualTo(403);
        MockHttpServletResponse wrongName = chloe.htmxPost(fixture.buyerPath() + "/signatures", "name", "Chloe",
                "title", "Head of Operations", "confirm", "true");
        assertThat(wrongName.getStatus()).isEqualTo(422);
        assertThat(wrongName.getContentAsString()).contains("Chloe Champion");

        MockHttpServletResponse signed = chloe.htmxPost(fixture.buyerPath() + "/signatures", "name",
                "CHLOE CHAMPION", "title", "Head of Operations", "confirm", "true");
        assertThat(signed.getStatus()).isEqualTo(200);
        assertThat(signed.getContentAsString()).contains("your signature is recorded").contains("id=\"signed-by-me\"")
                .contains("hx-swap-oob=\"true\"").contains("CHLOE CHAMPION");
        assertThat(chloe.htmxPost(fixture.buyerPath() + "/signatures", "name", "Chloe Champion", "title", "Head",
                "confirm", "true").getStatus()).as("signed already").isEqualTo(409);

        // The seller requires Eric too; now he can sign.
        String sellerPanel = mvc.perform(post(fixture.sellerPath() + "/signers").header("HX-Request", "true")
                        .with(SignIn.as(fixture.rep())).with(csrf())
                        .param("version", "0").param("seller", fixture.accountExecutive().id().toString())
                        .param("buyers", fixture.mainContact().id().toString(), fixture.colleague().id().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(sellerPanel).contains("The signers are saved.");
        assertThat(eric.htmx(fixture.buyerPath() + "/signatures").getContentAsString()).contains("id=\"sign-form\"");
        assertThat(eric.htmxPost(fixture.buyerPath() + "/signatures", "name", "eric economic", "title", "CFO",
                "confirm", "true").getStatus()).isEqualTo(200);
        assertThat(plans.get(fixture.viewer(), fixture.planId()).status()).as("the seller has not signed")
                .isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void aBuyerOfAnotherPlanGetsNothing() throws Exception {
        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        BuyerClient stranger = new BuyerClient(mvc);
        Inbox inbox = new Inbox(mailServer);
        participants.invite(other.viewer(), other.planId(), other.mainContact().id());
        stranger.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(other.mainContact().email(), 1))));
        assertThat(stranger.get(fixture.buyerPath() + "/signatures").getStatus()).isEqualTo(404);
        assertThat(stranger.get(fixture.buyerPath() + "/revisions/1/diff/1").getStatus()).isEqualTo(404);
        stranger.get(other.buyerPath());
        assertThat(stranger.post(fixture.buyerPath() + "/signatures", "name", "Chloe Champion", "title", "Head",
                "confirm", "true").getStatus()).isEqualTo(404);
    }

    @Test
    void revisionsAndComparisonsABuyerSeesHoldNothingInternal() throws Exception {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.SOLUTION, "Roll out in **two** waves", 0);
        StepView secret = current(internal.step());
        plans.updateStep(fixture.viewer(), fixture.planId(), secret.id(), secret.version(),
                StepUpdate.targetDate(secret.targetDate().plusDays(5)), false);
        mvc.perform(post(fixture.sellerPath() + "/revisions").with(SignIn.as(fixture.rep())).with(csrf()));
        StepView shared = current(fixture.sharedStep());
        plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                StepUpdate.targetDate(shared.targetDate().plusDays(2)), false);
        mvc.perform(post(fixture.sellerPath() + "/revisions").with(SignIn.as(fixture.rep())).with(csrf()));

        BuyerClient chloe = signedIn(fixture.mainContact());
        for (String path : List.of(fixture.buyerPath() + "/signatures", fixture.buyerPath() + "/revisions/1/diff/2",
                fixture.buyerPath() + "/revisions/2/diff/3", fixture.buyerPath() + "/revisions/1/diff/3",
                fixture.buyerPath() + "/revisions/3/diff/1")) {
            MockHttpServletResponse page = chloe.get(path);
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.getContentAsString()).as(path).doesNotContain(internal.secret())
                    .doesNotContain(internal.step().id().toString());
            assertThat(chloe.htmx(path).getContentAsString()).as(path).doesNotContain(internal.secret());
        }
        assertThat(chloe.get(fixture.buyerPath() + "/revisions/1/diff/3").getContentAsString())
                .contains("Roll out in **two** waves").contains("id=\"diff-step-" + shared.id() + "\"");
        assertThat(chloe.get(fixture.buyerPath() + "/revisions/compare?from=1&to=3").getRedirectedUrl())
                .isEqualTo(fixture.buyerPath() + "/revisions/1/diff/3");
    }

    private StepView current(StepView step) {
        return plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(step.id())).findFirst().orElseThrow();
    }

    private BuyerClient signedIn(ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))))
                .getStatus()).isEqualTo(302);
        buyer.get(fixture.buyerPath());
        return buyer;
    }
}
