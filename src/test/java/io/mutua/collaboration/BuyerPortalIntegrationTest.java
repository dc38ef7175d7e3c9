package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The buyer portal and the walls around a buyer session: exactly the plans the buyer takes part in, across deals
 * and sales teams, showing only what buyers may see; a revoked plan disappears at once; seller pages and the API
 * stay closed.
 */
@IntegrationTest
class BuyerPortalIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Qualification qualification;
    @Autowired
    Participants participants;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    MutualPlanMaker maker;
    Inbox inbox;
    Viewer firstSeller;
    Viewer secondSeller;
    String email;

    @BeforeEach
    void twoSalesTeams() {
        maker = new MutualPlanMaker(deals, plans, qualification);
        inbox = new Inbox(mailServer);
        firstSeller = users.viewer(data.user("REP", data.team("Portal one")).id());
        secondSeller = users.viewer(data.user("REP", data.team("Portal two")).id());
        email = "pat-" + TestData.unique() + "@buyer.example";
    }

    @Test
    void thePortalListsExactlyTheBuyersPlansAcrossDealsWithWhatBuyersMaySee() throws Exception {
        String a = MutualPlanMaker.marker();
        String b = MutualPlanMaker.marker();
        String revoked = MutualPlanMaker.marker();
        String others = MutualPlanMaker.marker();
        PlanView first = maker.mutualPlan(firstSeller, a);
        PlanView second = maker.mutualPlan(secondSeller, b);
        PlanView gone = maker.mutualPlan(firstSeller, revoked);
        PlanView notMine = maker.mutualPlan(secondSeller, others);
        maker.describe(firstSeller, first, "en", null);
        ParticipantView onFirst = participants.addBuyer(firstSeller, first.id(), "Pat Portal", email, null, null);
        participants.addBuyer(secondSeller, second.id(), "Pat Portal", email, null, null);
        ParticipantView onGone = participants.addBuyer(firstSeller, gone.id(), "Pat Portal", email, null, null);
        participants.revoke(firstSeller, gone.id(), onGone.id(), onGone.version());
        participants.addBuyer(secondSeller, notMine.id(), "Someone Else", "else-" + others + "@buyer.example", null,
                null);
        String secret = "Internal " + a;
        StepView shared = seedSteps(first, secret);

        BuyerClient browser = signedIn(firstSeller, first, onFirst);
        MockHttpServletResponse portal = browser.get("/b");
        assertThat(portal.getStatus()).isEqualTo(200);
        String html = BuyerSignInIntegrationTest.text(portal);
        assertThat(html).contains("Your mutual action plans", "Account " + a, "Account " + b,
                "href=\"/b/plans/" + first.id() + "\"", "href=\"/b/plans/" + second.id() + "\"",
                shared.title(), "My plans", "href=\"/b\"")
                .doesNotContain("Account " + revoked, "Account " + others, "/b/plans/" + gone.id(),
                        "/b/plans/" + notMine.id(), "Deal " + a, "Deal " + b, secret, "/deals", "/admin");
        List<String> accounts = Stream.of("Account " + a, "Account " + b).sorted().toList();
        assertThat(html.indexOf(accounts.get(0))).as("plans in the order of their accounts")
                .isLessThan(html.indexOf(accounts.get(1)));
    }

    @Test
    void revokingEndsAccessAtOnceAndThePortalDropsThePlan() throws Exception {
        String a = MutualPlanMaker.marker();
        String b = MutualPlanMaker.marker();
        PlanView first = maker.mutualPlan(firstSeller, a);
        PlanView second = maker.mutualPlan(secondSeller, b);
        ParticipantView onFirst = participants.addBuyer(firstSeller, first.id(), "Pat Portal", email, null, null);
        ParticipantView onSecond = participants.addBuyer(secondSeller, second.id(), "Pat Portal", email, null, null);
        BuyerClient browser = signedIn(firstSeller, first, onFirst);
        assertThat(BuyerSignInIntegrationTest.text(browser.get("/b"))).contains("Account " + b);

        participants.revoke(secondSeller, second.id(), onSecond.id(), onSecond.version());

        assertThat(BuyerSignInIntegrationTest.text(browser.get("/b"))).contains("Account " + a)
                .doesNotContain("Account " + b);
        MockHttpServletResponse planB = browser.get("/b/plans/" + second.id());
        assertThat(planB.getStatus()).isEqualTo(404);
        assertThat(BuyerSignInIntegrationTest.text(planB)).doesNotContain("Account " + b);
        assertThat(browser.get("/b/plans/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
    }

    @Test
    void aBuyerSessionNeverReachesSellerPagesOrTheApi() throws Exception {
        String a = MutualPlanMaker.marker();
        PlanView plan = maker.mutualPlan(firstSeller, a);
        ParticipantView buyer = participants.addBuyer(firstSeller, plan.id(), "Pat Portal", email, null, null);
        BuyerClient browser = signedIn(firstSeller, plan, buyer);

        for (String sellerPage : List.of("/deals", "/deals/" + plan.dealId(), "/deals/" + plan.dealId() + "/plan",
                "/plans/" + plan.id() + "/participants", "/admin/users", "/profile", "/sales-cycle")) {
            MockHttpServletResponse response = browser.get(sellerPage);
            assertThat(response.getStatus()).as(sellerPage).isIn(403, 404);
            assertThat(BuyerSignInIntegrationTest.text(response)).as(sellerPage).doesNotContain("Deal " + a,
                    "Account " + a);
        }
        MockHttpServletResponse htmx = browser.htmx("/plans/" + plan.id() + "/participants");
        assertThat(htmx.getStatus()).isIn(403, 404);
        assertThat(BuyerSignInIntegrationTest.text(htmx)).doesNotContain(email);

        for (String api : List.of("/api/v1/deals", "/api/v1/plans/" + plan.id(),
                "/api/v1/plans/" + plan.id() + "/participants")) {
            MockHttpServletResponse response = browser.get(api);
            assertThat(response.getStatus()).as(api).isEqualTo(401);
            assertThat(BuyerSignInIntegrationTest.text(response)).doesNotContain("Account " + a, email);
        }
        assertThat(browser.get("/").getRedirectedUrl()).isEqualTo("/b");
    }

    @Test
    void anEmptyPortalSaysSo() throws Exception {
        PlanView plan = maker.mutualPlan(firstSeller, MutualPlanMaker.marker());
        ParticipantView buyer = participants.addBuyer(firstSeller, plan.id(), "Pat Portal", email, null, null);
        ParticipantView other = participants.addBuyer(firstSeller, plan.id(), "Keeps Access", "keeps-"
                + TestData.unique() + "@buyer.example", null, null);
        participants.invite(firstSeller, plan.id(), buyer.id());
        String link = BuyerClient.linkIn(Inbox.body(inbox.await(email, 1)));
        BuyerClient browser = new BuyerClient(mvc);
        browser.signInWith(link);
        ParticipantView current = participants.list(firstSeller, plan.id()).stream()
                .filter(p -> p.id().equals(buyer.id())).findFirst().orElseThrow();
        participants.revoke(firstSeller, plan.id(), buyer.id(), current.version());

        assertThat(BuyerSignInIntegrationTest.text(browser.get("/b")))
                .contains("You do not take part in any mutual action plan at the moment.")
                .doesNotContain("/b/plans/" + plan.id(), other.name());
    }

    /** Makes the first step internal under a secret title, due first; returns the shared step due next. */
    private StepView seedSteps(PlanView plan, String secret) {
        List<StepView> steps = plan.steps();
        StepView internal = steps.get(0);
        jdbc.sql("update plan_step set visibility = 'INTERNAL', title = :title, target_date = :date, status = "
                        + "'NOT_STARTED' where id = :id")
                .param("title", secret).param("date", LocalDate.now().plusDays(1)).param("id", internal.id()).update();
        StepView shared = steps.stream().skip(1).filter(step -> step.visibility().name().equals("SHARED"))
                .findFirst().orElseThrow();
        jdbc.sql("update plan_step set target_date = :date, status = 'NOT_STARTED' where id = :id")
                .param("date", LocalDate.now().plusDays(2)).param("id", shared.id()).update();
        jdbc.sql("update plan_step set target_date = :date where plan_id = :plan and id not in (:internal, :shared) "
                        + "and status not in ('DONE', 'SKIPPED')")
                .param("date", LocalDate.now().plusDays(30)).param("plan", plan.id())
                .param("internal", internal.id()).param("shared", shared.id()).update();
        return shared;
    }

    private BuyerClient signedIn(Viewer seller, PlanView plan, ParticipantView buyer) throws Exception {
        int before = inbox.of(email).size();
        participants.invite(seller, plan.id(), buyer.id());
        String link = BuyerClient.linkIn(Inbox.body(inbox.await(email, before + 1)));
        BuyerClient browser = new BuyerClient(mvc);
        assertThat(browser.signInWith(link).getRedirectedUrl()).isEqualTo("/b/plans/" + plan.id());
        return browser;
    }
}
