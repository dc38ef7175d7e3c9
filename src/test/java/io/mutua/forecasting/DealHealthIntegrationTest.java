package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.plans.NewStep;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Predicted close and health of deals with plans built through the services: recomputed after each change, read
 * through the API and the seller's badge, never by anyone who may not see the deal.
 */
@IntegrationTest
class DealHealthIntegrationTest {

    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Holidays holidays;
    @Autowired
    DealForecasts forecasts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    GreenMail mailServer;

    private UUID team;
    private TestData.Seller rep;
    private Viewer viewer;

    @BeforeEach
    void setUp() {
        team = data.team("Forecast");
        rep = data.user("REP", team);
        viewer = users.viewer(rep.id());
    }

    /** A deal (before the trigger stage) whose plan has only the steps a test adds: generated ones are skipped. */
    private PlanView dealWithOwnPlan(LocalDate expectedClose) {
        DealView deal = deals.create(viewer, new DealDetails("Forecast " + TestData.unique(), "Account",
                Money.of("20000", "EUR"), rep.id(), expectedClose, null, null), "prospecting");
        PlanView plan = plans.generate(viewer, deal.id());
        for (StepView step : plan.steps()) {
            StepView current = plans.get(viewer, plan.id()).steps().stream()
                    .filter(s -> s.id().equals(step.id())).findFirst().orElseThrow();
            plans.updateStep(viewer, plan.id(), step.id(), current.version(), StepUpdate.status(StepStatus.SKIPPED),
                    false);
        }
        return plans.get(viewer, plan.id());
    }

    private StepView add(PlanView plan, String title, int days, LocalDate target, UUID... dependsOn) {
        return plans.addStep(viewer, plan.id(), new NewStep(plan.milestones().get(0).id(), title, null, Side.SELLER,
                Visibility.INTERNAL, days, target, List.of(dependsOn), null));
    }

    private DealForecast awaitForecast(UUID dealId, java.util.function.Predicate<DealForecast> done) {
        await().atMost(Duration.ofSeconds(20)).until(() -> forecasts.stored(dealId).filter(done).isPresent());
        return forecasts.stored(dealId).orElseThrow();
    }

    @Test
    void aStepOverdueBySevenBusinessDaysStallsTheDealAndTheRemainingStepsPredictItsClose() throws Exception {
        BusinessCalendar calendar = holidays.calendar();
        LocalDate today = LocalDate.now(clock);
        LocalDate firstDay = calendar.onOrAfter(today);
        LocalDate expectedClose = calendar.onOrAfter(today.plusMonths(2));
        PlanView plan = dealWithOwnPlan(expectedClose);
        LocalDate sevenDaysAgo = calendar.plusBusinessDays(calendar.onOrBefore(today), -7);
        StepView security = add(plan, "Security review", 3, sevenDaysAgo);
        add(plan, "Contract", 2, null, security.id());
        // Forward pass from today: the overdue review takes 3 business days from today, the contract 2 after it.
        LocalDate predicted = calendar.plusBusinessDays(firstDay, 4);
        UUID dealId = plan.dealId().value();

        DealForecast forecast = awaitForecast(dealId, f -> predicted.equals(f.predictedClose()));

        assertThat(forecast.health()).isEqualTo(Health.STALLED);
        assertThat(forecast.reasons()).first().isEqualTo(new HealthReason("STEPS_OVERDUE", Health.STALLED,
                List.of("1", "Security review", "7")));
        assertThat(forecast.planId()).isEqualTo(plan.id());
        assertThat(forecast.predictionSource()).isEqualTo(PredictionSource.PLAN);
        assertThat(forecast.slipBusinessDays()).isEqualTo(calendar.businessDaysBetween(expectedClose, predicted));
        assertThat(jdbc.sql("select predicted_close from deal_prediction where deal_id = :deal and recorded_on = :day")
                .param("deal", dealId).param("day", today).query(LocalDate.class).single()).isEqualTo(predicted);

        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(rep)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.health").value("STALLED"))
                .andExpect(jsonPath("$.reasons[0].code").value("STEPS_OVERDUE"))
                .andExpect(jsonPath("$.reasons[0].message").value(
                        "One step is overdue; the most overdue, “Security review”, by 7 business days."))
                .andExpect(jsonPath("$.predictedClose").value(predicted.toString()))
                .andExpect(jsonPath("$.expectedClose").value(expectedClose.toString()))
                .andExpect(jsonPath("$.slipBusinessDays").value(forecast.slipBusinessDays()))
                .andExpect(jsonPath("$.predictionSource").value("PLAN"));
        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(rep)).header("Accept-Language", "el"))
                .andExpect(jsonPath("$.reasons[0].message").value(
                        "Ένα βήμα έχει καθυστερήσει· το πιο καθυστερημένο, «Security review», κατά 7 εργάσιμες ημέρες."));

        // Moving the review's date to today makes it due, not overdue: the deal is back on track.
        StepView current = plans.get(viewer, plan.id()).steps().stream()
                .filter(s -> s.id().equals(security.id())).findFirst().orElseThrow();
        plans.updateStep(viewer, plan.id(), security.id(), current.version(), StepUpdate.targetDate(firstDay), false);

        DealForecast fresh = awaitForecast(dealId, f -> f.health() == Health.ON_TRACK);
        assertThat(fresh.reasons()).isEmpty();
        assertThat(fresh.predictedClose()).isEqualTo(predicted);
    }

    @Test
    void theSellersBadgeShowsHealthPredictedCloseAndReasonsOnTheDealPage() throws Exception {
        LocalDate today = LocalDate.now(clock);
        BusinessCalendar calendar = holidays.calendar();
        PlanView plan = dealWithOwnPlan(today.minusDays(1));
        add(plan, "Pricing approval", 2, null);
        UUID dealId = plan.dealId().value();
        awaitForecast(dealId, f -> f.reasons().stream().anyMatch(r -> r.code().equals("CLOSE_DATE_PASSED"))
                && f.predictedClose() != null && f.predictedClose().equals(
                        calendar.plusBusinessDays(calendar.onOrAfter(today), 1)));

        String dealPage = mvc.perform(get("/deals/" + dealId).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String badge = mvc.perform(get("/deals/" + dealId + "/health").with(SignIn.as(rep))
                        .header("HX-Request", "true").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/deals/" + dealId + "/health").with(SignIn.as(rep))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(dealPage).contains("hx-get=\"/deals/" + dealId + "/health\"");
        assertThat(badge).doesNotContain("<html").contains("At risk", "Predicted close",
                "The expected close date", "has passed", "from the remaining steps of the plan");
        assertThat(page).contains("<html", "At risk");
    }

    @Test
    void onlySellersWhoMaySeeTheOpenDealGetItsHealth() throws Exception {
        PlanView plan = dealWithOwnPlan(null);
        UUID dealId = plan.dealId().value();
        TestData.Seller manager = data.user("MANAGER", team);
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        TestData.Seller success = data.user("CS", team);

        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(manager))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(success)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/deals/" + dealId + "/health").with(SignIn.as(stranger)).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/deals/" + dealId + "/health")).andExpect(status().isUnauthorized());
    }

    @Test
    void closingADealForgetsItsForecastAndItHasNoHealthAnyMore() throws Exception {
        PlanView plan = dealWithOwnPlan(null);
        UUID dealId = plan.dealId().value();
        awaitForecast(dealId, f -> true);
        DealView deal = deals.get(viewer, plan.dealId());

        deals.close(viewer, plan.dealId(), Outcome.WON, "Signed", deal.version());

        await().atMost(Duration.ofSeconds(20)).until(() -> forecasts.stored(dealId).isEmpty());
        mvc.perform(get("/api/v1/deals/" + dealId + "/health").with(SignIn.as(rep)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDailyRunStoresAForecastForEveryOpenDealAtOnce() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            created.add(deals.create(viewer, new DealDetails("Daily " + TestData.unique(), "Account",
                    Money.of("1000", "EUR"), rep.id(), LocalDate.now(clock).minusDays(3), null, null),
                    "prospecting").id().value());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> created.stream()
                .allMatch(id -> forecasts.stored(id).isPresent()));
        jdbc.sql("delete from deal_health where deal_id in (:ids)").param("ids", created).update();

        int stored = forecasts.recomputeAll();

        assertThat(stored).isGreaterThanOrEqualTo(created.size());
        for (UUID id : created) {
            Optional<DealForecast> forecast = forecasts.stored(id);
            assertThat(forecast).isPresent();
            assertThat(forecast.get().health()).isEqualTo(Health.AT_RISK);
            assertThat(forecast.get().reasons()).extracting(HealthReason::code).contains("CLOSE_DATE_PASSED");
        }
        assertThat(jdbc.sql("select count(*) from deal_health h join deal d on d.id = h.deal_id "
                + "where d.status <> 'OPEN'").query(Long.class).single()).as("closed deals have no row").isZero();
    }

    @Test
    void aBuyerNeverSeesTheHealthOfTheirPlansDeal() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        UUID dealId = fixture.deal().id().value();
        awaitForecast(dealId, f -> true);
        Inbox inbox = new Inbox(mailServer);
        String email = fixture.mainContact().email();
        int before = inbox.of(email).size();
        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(email, before + 1)))).getStatus())
                .isEqualTo(302);

        String planPage = buyer.get(fixture.buyerPath()).getContentAsString();

        assertThat(buyer.htmx("/deals/" + dealId + "/health").getStatus()).isEqualTo(404);
        assertThat(buyer.get("/api/v1/deals/" + dealId + "/health").getStatus()).isIn(401, 403, 404);
        assertThat(planPage).as("the buyer's plan page").contains(fixture.sharedStep().title())
                .doesNotContain("deal-health", "/health", "Predicted close", "On track", "At risk", "Stalled");
        String sellerPage = mvc.perform(get(fixture.sellerPage()).with(SignIn.as(fixture.rep())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sellerPage).as("the seller's plan page loads the badge")
                .contains("hx-get=\"/deals/" + dealId + "/health\"");
    }
}
