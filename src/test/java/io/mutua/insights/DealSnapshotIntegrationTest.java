package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Comments;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.ClosingDecision;
import io.mutua.deals.DealClosed;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.insights.SnapshotContent.ParticipantPart;
import io.mutua.insights.SnapshotContent.StepPart;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanSignatures;
import io.mutua.plans.PlanView;
import io.mutua.plans.SignatureOrigin;
import io.mutua.plans.SignatureRequest;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Closing a deal writes down its mutual action plan — steps planned against actual, signatures, participants and
 * engagement — once: later edits, a redelivered event and direct SQL leave it as it was; sellers who see the deal
 * read it as a page and as JSON, buyers never reach it.
 */
@IntegrationTest
class DealSnapshotIntegrationTest {

    private static final UUID WON_REASON = UUID.fromString("5a1e0001-0000-4000-8000-000000000002");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    PlanSignatures signatures;
    @Autowired
    Participants participants;
    @Autowired
    Comments comments;
    @Autowired
    Holidays holidays;
    @Autowired
    Snapshots snapshots;
    @Autowired
    SnapshotTaker taker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    MutualPlanFixtures.Fixture fixture;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
    }

    @Test
    void aClosedMutualPlanIsWrittenDownWithStepsSignaturesParticipantsAndEngagementAndNeverChanges()
            throws Exception {
        signatures.sign(fixture.viewer(), fixture.planId(),
                new SignatureRequest(fixture.rep().name(), "Account executive", true),
                new SignatureOrigin("203.0.113.7", "SnapshotTest/1.0"));
        BuyerClient chloe = signedIn(fixture.mainContact());
        assertThat(chloe.htmxPost(fixture.buyerPath() + "/signatures", "name", "Chloe Champion", "title",
                "Head of Operations", "confirm", "true").getStatus()).isEqualTo(200);
        comments.addByBuyer(fixture.mainContact().email(), fixture.planId(), null, "When do we start?");
        comments.addBySeller(fixture.viewer(), fixture.planId(), null, "Keep the champion close", true);
        StepView done = fixture.plan().steps().get(0);
        plans.updateStep(fixture.viewer(), fixture.planId(), done.id(), current(done).version(),
                StepUpdate.status(StepStatus.DONE), false);
        PlanView before = plans.get(fixture.viewer(), fixture.planId());

        DealView deal = deals.get(fixture.viewer(), fixture.deal().id());
        deals.close(fixture.viewer(), deal.id(), new ClosingDecision(Outcome.WON, WON_REASON, "Fast yes",
                "Rival Corp"), deal.version());
        DealSnapshot snapshot = awaitSnapshot(deal.id());

        SnapshotContent content = snapshot.content();
        assertThat(content.schema()).isEqualTo(1);
        assertThat(snapshot.outcome()).isEqualTo(Outcome.WON);
        assertThat(snapshot.planId()).isEqualTo(fixture.planId());
        assertThat(content.deal().name()).isEqualTo(fixture.deal().name());
        assertThat(content.deal().ownerName()).isEqualTo(fixture.rep().name());
        assertThat(content.deal().reason()).isEqualTo("Value for the price");
        assertThat(content.deal().details()).isEqualTo("Fast yes");
        assertThat(content.deal().competitor()).isEqualTo("Rival Corp");
        assertThat(content.deal().stages()).last().extracting(SnapshotContent.StageChangePart::toStage)
                .isEqualTo("won");

        assertThat(content.plan().kind()).isEqualTo("MUTUAL");
        assertThat(content.plan().statusBeforeClose()).as("both required signers had signed").isEqualTo("SIGNED");
        assertThat(content.plan().steps()).extracting(StepPart::title)
                .containsExactlyElementsOf(before.steps().stream().map(StepView::title).toList());
        assertThat(content.plan().steps()).extracting(StepPart::visibility).contains("INTERNAL", "SHARED");
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        BusinessCalendar calendar = holidays.calendar();
        StepPart finished = content.plan().steps().get(0);
        assertThat(finished.status()).isEqualTo("DONE");
        assertThat(finished.completedOn()).isEqualTo(today);
        assertThat(finished.slipDays()).isEqualTo(calendar.businessDaysBetween(done.baselineDate(), today));
        StepView openStep = before.steps().get(1);
        StepPart unfinished = content.plan().steps().get(1);
        assertThat(unfinished.completedOn()).isNull();
        assertThat(unfinished.baselineDate()).isEqualTo(openStep.baselineDate());
        assertThat(unfinished.slipDays()).as("an unfinished step slips until the close day")
                .isEqualTo(calendar.businessDaysBetween(openStep.baselineDate(),
                        LocalDate.ofInstant(content.deal().closedAt(), zone)));

        assertThat(content.signatures()).extracting(SnapshotContent.SignaturePart::side, s -> s.status())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SELLER", "VALID"),
                        org.assertj.core.groups.Tuple.tuple("BUYER", "VALID"));
        ParticipantPart champion = content.participants().stream()
                .filter(person -> person.name().equals("Chloe Champion")).findFirst().orElseThrow();
        assertThat(champion.side()).isEqualTo("BUYER");
        assertThat(champion.buyingRole()).isEqualTo("CHAMPION");
        assertThat(champion.mainContact()).isTrue();
        assertThat(champion.visits()).isPositive();
        assertThat(content.participants()).extracting(ParticipantPart::name).contains("Eric Economic");
        assertThat(content.engagement().buyerVisits()).isEqualTo(champion.visits());
        assertThat(content.engagement().buyerComments()).isEqualTo(1);
        assertThat(content.engagement().sellerComments()).isEqualTo(1);
        assertThat(content.engagement().buyerChanges()).as("Chloe signed").isPositive();
        assertThat(content.engagement().lastBuyerActivity()).isNotNull();

        String stored = snapshots.json(deal.id()).orElseThrow();
        jdbc.sql("update participant set name = 'Renamed later' where plan_id = :plan")
                .param("plan", fixture.planId()).update();
        jdbc.sql("update plan_step set title = 'Retitled later' where plan_id = :plan")
                .param("plan", fixture.planId()).update();
        jdbc.sql("update deal set competitor = 'Someone else', close_reason = 'Rewritten' where id = :deal")
                .param("deal", deal.id().value()).update();
        taker.on(new DealClosed(deal.id(), Outcome.WON, "Redelivered", clock.instant()));
        assertThat(snapshots.json(deal.id())).contains(stored);
        assertThat(snapshots.of(deal.id()).orElseThrow().takenAt()).isEqualTo(snapshot.takenAt());

        assertThatThrownBy(() -> jdbc.sql("update deal_snapshot set content = '{}'::jsonb where deal_id = :deal")
                .param("deal", deal.id().value()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from deal_snapshot where deal_id = :deal")
                .param("deal", deal.id().value()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThat(snapshots.json(deal.id())).contains(stored);

        String page = mvc.perform(get("/deals/" + deal.id() + "/snapshot").with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(before.steps().get(0).title()).contains("Chloe Champion")
                .contains("Value for the price").contains("Rival Corp").doesNotContain("Retitled later");
    }

    @Test
    void sellersWhoSeeTheDealReadTheSnapshotAsJsonAndNobodyElseReachesIt() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = api.token(fixture.rep().email(), TestData.PASSWORD);
        String path = "/api/v1/deals/" + fixture.deal().id() + "/snapshot";
        api.get(path).bearer(token).send().problem(404);

        BuyerClient chloe = signedIn(fixture.mainContact());
        DealView deal = deals.get(fixture.viewer(), fixture.deal().id());
        deals.close(fixture.viewer(), deal.id(), new ClosingDecision(Outcome.LOST,
                UUID.fromString("5a1e0002-0000-4000-8000-000000000003"), null, null), deal.version());
        awaitSnapshot(deal.id());

        ApiClient.Response response = api.get(path).bearer(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.path("schema").asInt()).isEqualTo(1);
        assertThat(json.path("takenAt").asString()).isNotBlank();
        assertThat(json.path("deal").path("outcome").asString()).isEqualTo("LOST");
        assertThat(json.path("deal").path("reason").asString()).isEqualTo("No decision (status quo)");
        assertThat(json.path("plan").path("milestones").size()).isPositive();

        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        api.get(path).bearer(api.token(stranger.email(), TestData.PASSWORD)).send().problem(404);
        assertThat(mvc.perform(get("/deals/" + deal.id() + "/snapshot").with(SignIn.as(stranger))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(chloe.get("/deals/" + deal.id() + "/snapshot").getStatus()).isEqualTo(404);
        assertThat(chloe.get(path).getStatus()).isIn(401, 403, 404);

        DealView open = deals.create(fixture.viewer(), new DealDetails("Open " + fixture.tag(), "Account",
                Money.of("10", "EUR"), fixture.rep().id(), null, null, null), "prospecting");
        assertThat(mvc.perform(get("/deals/" + open.id() + "/snapshot").with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private DealSnapshot awaitSnapshot(DealId dealId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshots.of(dealId).isPresent());
        return snapshots.of(dealId).orElseThrow();
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
        assertThat(buyer.get(fixture.buyerPath()).getStatus()).isEqualTo(200);
        return buyer;
    }
}
