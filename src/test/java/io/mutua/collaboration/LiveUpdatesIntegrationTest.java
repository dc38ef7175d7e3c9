package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.Money;
import io.mutua.identity.Users;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live updates over real HTTP: who hears which change, and who may not listen at all. */
@IntegrationTest
class LiveUpdatesIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    GreenMail mailServer;

    TestData.Seller rep;
    TestData.Seller manager;
    PlanView plan;

    @BeforeEach
    void aPlan() {
        UUID team = data.team("Live");
        rep = data.user("REP", team);
        manager = data.user("MANAGER", team);
        var deal = deals.create(users.viewer(rep.id()), new DealDetails("Live deal " + TestData.unique(), "Account",
                Money.of("10000", "EUR"), rep.id(), LocalDate.now().plusMonths(3), null, null), "prospecting");
        plan = plans.generate(users.viewer(rep.id()), deal.id());
    }

    @Test
    void aSellerWatchingThePlanHearsWhichStepAColleagueChanged() throws Exception {
        try (EventStream stream = EventStream.open(SignedInHttp.as(rep, port).client(), port,
                "/plans/" + plan.id() + "/live")) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> stream.names().contains("ready"));

            StepView step = plan.steps().get(0);
            plans.updateStep(users.viewer(manager.id()), plan.id(), step.id(), step.version(),
                    StepUpdate.status(StepStatus.IN_PROGRESS), false);

            await().atMost(PATIENCE).until(() -> stream.names().contains("step-" + step.id()));
            assertThat(stream.closed()).isFalse();
        }
    }

    @Test
    void nobodyIsToldOfTheirOwnChangesWhichTheirPageAlreadyShows() throws Exception {
        try (EventStream stream = EventStream.open(SignedInHttp.as(rep, port).client(), port,
                "/plans/" + plan.id() + "/live")) {
            await().atMost(PATIENCE).until(() -> stream.names().contains("ready"));

            StepView mine = plan.steps().get(0);
            StepView theirs = plan.steps().get(1);
            plans.updateStep(users.viewer(rep.id()), plan.id(), mine.id(), mine.version(),
                    StepUpdate.status(StepStatus.IN_PROGRESS), false);
            plans.updateStep(users.viewer(manager.id()), plan.id(), theirs.id(), theirs.version(),
                    StepUpdate.status(StepStatus.IN_PROGRESS), false);

            await().atMost(PATIENCE).until(() -> stream.names().contains("step-" + theirs.id()));
            assertThat(stream.names()).doesNotContain("step-" + mine.id());
        }
    }

    @Test
    void aSellerWhoMayNotSeeThePlanCannotListenToIt() throws Exception {
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        try (EventStream stream = EventStream.open(SignedInHttp.as(stranger, port).client(),
                port, "/plans/" + plan.id() + "/live")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    @Test
    void nobodySignedOutCanListen() {
        try (EventStream stream = EventStream.open(HttpClient.newHttpClient(), port,
                "/plans/" + plan.id() + "/live")) {
            assertThat(stream.status()).isNotEqualTo(200);
        }
    }

    @Test
    void aRevokedBuyersOpenStreamIsClosedAtOnceAndCannotBeOpenedAgain() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        ParticipantView buyer = fixture.colleague();
        SignedInHttp session = SignedInHttp.buyer(invite(fixture, buyer), port);
        try (EventStream stream = EventStream.open(session.client(), port, fixture.buyerPath() + "/live")) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> stream.names().contains("ready"));

            long version = participants.list(fixture.viewer(), fixture.planId()).stream()
                    .filter(person -> person.id().equals(buyer.id())).findFirst().orElseThrow().version();
            participants.revoke(fixture.viewer(), fixture.planId(), buyer.id(), version);

            await().atMost(PATIENCE).until(stream::closed);
            assertThat(stream.names()).contains("revoked");
        }
        try (EventStream again = EventStream.open(session.client(), port, fixture.buyerPath() + "/live")) {
            assertThat(again.status()).isEqualTo(404);
        }
    }

    @Test
    void aBuyerOfOnePlanCannotListenToAnother() throws Exception {
        MutualPlanFixtures.Fixture mine = fixtures.mutualPlan();
        MutualPlanFixtures.Fixture theirs = fixtures.mutualPlan();
        SignedInHttp session = SignedInHttp.buyer(invite(mine, mine.mainContact()), port);
        try (EventStream stream = EventStream.open(session.client(), port, theirs.buyerPath() + "/live")) {
            assertThat(stream.status()).isEqualTo(404);
        }
        try (EventStream stream = EventStream.open(session.client(), port, theirs.sellerPath() + "/live")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    private String invite(MutualPlanFixtures.Fixture fixture, ParticipantView person) {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        return BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1)));
    }
}
