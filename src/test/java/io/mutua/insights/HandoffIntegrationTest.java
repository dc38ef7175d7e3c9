package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealService;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The onboarding handoff through the real stack: closing a deal as won hands it over once, to the recipients the
 * admin chose, by email; customer success reads the whole package with the internal notes, starts the onboarding
 * plan for the same buyers, and a buyer reaches none of it except the onboarding plan itself.
 */
@IntegrationTest
class HandoffIntegrationTest {

    static final UUID ONBOARDING_PLAYBOOK = UUID.fromString("0b0a4d10-0000-4000-8000-000000000001");

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    Handoffs handoffs;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    HandoffRecipients recipients;
    @Autowired
    JdbcClient jdbc;

    MutualPlanFixtures.Fixture fixture;
    TestData.Seller cs;
    String secret;
    Inbox inbox;

    @BeforeEach
    void aMutualPlanWithSectionsAndSecrets() {
        fixture = fixtures.mutualPlan();
        cs = data.user("CS", fixture.teamId());
        secret = "SECRET" + TestData.unique();
        fixtures.seedInternal(fixture, secret);
        PlanView plan = plans.get(fixture.viewer(), fixture.planId());
        plans.writeSection(fixture.viewer(), plan.id(), SectionKey.PROBLEMS, "Invoices take **nine days**", 0);
        inbox = new Inbox(mailServer);
    }

    @AfterEach
    void defaultRecipients() {
        recipients.choose(null, null, recipients.setting().version());
    }

    @Test
    void aWonDealIsHandedOverOnceToTheCsUsersOfTheOwnersTeamByEmail() {
        win();
        UUID id = awaitHandoff(viewer(cs));
        String mail = Inbox.body(inbox.await(cs.email(), 1));
        assertThat(mail).contains(fixture.deal().name()).contains("/handoffs/" + id);

        handoffs.create(fixture.deal().id());
        assertThat(jdbc.sql("select count(*) from handoff where deal_id = :deal").param("deal",
                fixture.deal().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(handoffs.get(viewer(cs), id).recipients()).containsExactly(cs.name());
    }

    @Test
    void aLostDealIsNotHandedOver() {
        // Handled events are deleted from the registry: none left for the handoff listener means it has run.
        deals.close(fixture.viewer(), fixture.deal().id(), Outcome.LOST, "Price", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from event_publication "
                        + "where listener_id like '%HandoffListener%' and serialized_event like :deal")
                .param("deal", "%" + fixture.deal().id().value() + "%").query(Long.class).single() == 0);
        assertThat(jdbc.sql("select count(*) from handoff where deal_id = :deal").param("deal",
                fixture.deal().id().value()).query(Long.class).single()).isZero();
        assertThat(handoffs.list(viewer(cs))).noneMatch(handoff -> handoff.dealId().equals(fixture.deal().id().value()));
    }

    @Test
    void theAdminsChoiceOfRecipientDecidesWhoGetsItAndThatPersonMaySeeTheDeal() throws Exception {
        TestData.Seller admin = data.user("ADMIN", null);
        TestData.Seller elsewhere = data.user("CS", data.team("Customer success"));
        long version = recipients.setting().version();
        mvc.perform(post("/admin/handoffs").with(SignIn.as(admin)).with(csrf())
                .param("choice", "user:" + elsewhere.id()).param("version", String.valueOf(version)));

        win();
        UUID id = awaitHandoff(viewer(elsewhere));
        assertThat(Inbox.body(inbox.await(elsewhere.email(), 1))).contains("/handoffs/" + id);
        assertThat(handoffs.get(viewer(elsewhere), id).recipients()).containsExactly(elsewhere.name());
        assertThat(mvc.perform(get("/deals/" + fixture.deal().id()).with(SignIn.as(elsewhere))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/handoffs").with(SignIn.as(elsewhere))).andReturn().getResponse()
                .getContentAsString()).contains(fixture.deal().name());
        assertThat(inbox.of(cs.email())).isEmpty();
    }

    @Test
    void csSeesThePackageWithTheInternalNotesAsPageAndJson() throws Exception {
        win();
        UUID id = awaitHandoff(viewer(cs));
        long version = handoffs.get(viewer(cs), id).version();
        assertThat(mvc.perform(post("/handoffs/" + id + "/notes").with(SignIn.as(fixture.rep())).with(csrf())
                .param("notes", "Notes " + secret).param("version", String.valueOf(version))).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/handoffs/" + id + "/notes").with(SignIn.as(cs)).with(csrf())
                .param("notes", "Mine").param("version", String.valueOf(version + 1))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);

        String page = mvc.perform(get("/handoffs/" + id).with(SignIn.as(cs))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Notes " + secret)
                .contains("<strong>nine days</strong>")
                .contains("Chloe Champion").contains("Eric Economic")
                .contains(fixture.sharedStep().title())
                .contains("Step " + secret)
                .contains(fixture.deal().account());

        String json = mvc.perform(get("/api/v1/deals/" + fixture.deal().id() + "/handoff").with(SignIn.as(cs))
                .accept("application/json")).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("Notes " + secret).contains("\"PROBLEMS\"").contains("Chloe Champion")
                .contains("\"CHAMPION\"").contains(fixture.sharedStep().title());
    }

    @Test
    void aStaleNotesEditKeepsWhatTheUserWroteAndShowsTheSavedNotes() throws Exception {
        win();
        UUID id = awaitHandoff(viewer(cs));
        long version = handoffs.get(viewer(cs), id).version();
        handoffs.writeNotes(fixture.viewer(), id, "Saved first", version);
        MockHttpServletResponse stale = mvc.perform(post("/handoffs/" + id + "/notes").with(SignIn.as(fixture.rep()))
                .with(csrf()).header("HX-Request", "true").param("notes", "My own words")
                .param("version", String.valueOf(version))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("Saved first").contains("My own words");
    }

    @Test
    void csStartsTheOnboardingPlanOnceForTheSameBuyersAndTheBuyerNeverReachesTheHandoff() throws Exception {
        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        BuyerClient buyer = new BuyerClient(mvc);
        buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(fixture.mainContact().email(), 1))));
        win();
        UUID id = awaitHandoff(viewer(cs));
        handoffs.writeNotes(fixture.viewer(), id, "Notes " + secret, handoffs.get(viewer(cs), id).version());

        MockHttpServletResponse started = mvc.perform(post("/handoffs/" + id + "/onboarding").with(SignIn.as(cs))
                .with(csrf()).param("playbookId", ONBOARDING_PLAYBOOK.toString())).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(302);
        UUID onboarding = handoffs.get(viewer(cs), id).onboardingPlanId();
        assertThat(onboarding).isNotNull();
        assertThat(handoffs.startOnboarding(viewer(cs), id, ONBOARDING_PLAYBOOK)).isEqualTo(onboarding);
        PlanView plan = plans.get(viewer(cs), onboarding);
        assertThat(plan.kind()).isEqualTo(PlanKind.ONBOARDING);
        assertThat(plan.steps()).isNotEmpty();
        assertThat(participants.list(viewer(cs), onboarding))
                .extracting(participant -> participant.email())
                .containsExactlyInAnyOrder(fixture.mainContact().email(), fixture.colleague().email(), cs.email());
        assertThat(mvc.perform(get("/handoffs/" + id).with(SignIn.as(cs))).andReturn().getResponse()
                .getContentAsString()).contains("/plans/" + onboarding);

        assertThat(buyer.get("/b").getContentAsString()).contains("/b/plans/" + onboarding);
        MockHttpServletResponse onboardingPage = buyer.get("/b/plans/" + onboarding);
        assertThat(onboardingPage.getStatus()).isEqualTo(200);
        for (String path : List.of("/handoffs", "/handoffs/" + id, "/handoffs/" + id + "/handoff.pdf",
                "/deals/" + fixture.deal().id() + "/handoff")) {
            MockHttpServletResponse response = buyer.get(path);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).as(path).doesNotContain(secret);
        }
        // A buyer's session is no API credential at all.
        MockHttpServletResponse api = buyer.get("/api/v1/deals/" + fixture.deal().id() + "/handoff");
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat(api.getContentAsString()).doesNotContain(secret);
        assertThat(onboardingPage.getContentAsString()).doesNotContain(secret);
        assertThat(buyer.get(fixture.buyerPath()).getContentAsString()).doesNotContain(secret);
    }

    @Test
    void aRepOfTheTeamWhoDoesNotOwnTheDealCannotStartOnboarding() throws Exception {
        win();
        UUID id = awaitHandoff(viewer(cs));
        TestData.Seller manager = data.user("MANAGER", fixture.teamId());
        assertThat(mvc.perform(post("/handoffs/" + id + "/onboarding").with(SignIn.as(fixture.rep())).with(csrf())
                .param("playbookId", ONBOARDING_PLAYBOOK.toString())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/handoffs").with(SignIn.as(manager))).andReturn().getResponse()
                .getContentAsString()).contains("/handoffs/" + id);
    }

    private void win() {
        deals.close(fixture.viewer(), fixture.deal().id(), Outcome.WON, "Best fit", null);
    }

    private UUID awaitHandoff(Viewer viewer) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> handoffs.list(viewer).stream()
                .filter(handoff -> handoff.dealId().equals(fixture.deal().id().value()))
                .map(HandoffSummary::id).findFirst().orElse(null), found -> found != null);
    }

    private Viewer viewer(TestData.Seller seller) {
        return users.viewer(seller.id());
    }
}
