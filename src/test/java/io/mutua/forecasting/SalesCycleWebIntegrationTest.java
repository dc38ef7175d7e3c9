package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.Pipeline;
import io.mutua.identity.SignIn;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The "Sales cycle" page, for a stage and a step key of this test's own. */
@IntegrationTest
class SalesCycleWebIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    Pipeline pipeline;
    @Autowired
    Holidays holidays;
    @Autowired
    Clock clock;

    SalesHistory history;
    String stageName;
    String stage;
    String stepKey;

    @BeforeEach
    void aStageFiveDealsWentThroughAndAStepDoneTwice() {
        history = new SalesHistory(jdbc, clock.getZone(), data.user("REP", null).id());
        String unique = TestData.unique();
        stageName = "Cycle " + unique;
        stage = pipeline.add(stageName, 30).key();
        stepKey = "stat-" + unique + "-page";
        LocalDate monday = SalesHistory.quietMonday(holidays.list().stream().map(Holidays.HolidayView::day).toList(),
                LocalDate.now(clock), 2);
        // 1, 2, 3, 4 and 5 business days in the stage: median 3, mean 3, 80th percentile 4.
        for (int days = 1; days <= 4; days++) {
            history.wonDeal(stage, monday, monday.plusDays(days));
        }
        history.wonDeal(stage, monday, monday.plusWeeks(1));
        // Done in 1 and in 4 business days: median 2.5, mean 2.5, 80th percentile 4.
        SalesHistory.PlanRef plan = history.plan();
        history.doneStep(plan, stepKey, monday, monday);
        history.doneStep(plan, stepKey, monday, monday.with(DayOfWeek.THURSDAY));
    }

    @AfterEach
    void removeTheHistory() {
        history.removeAll();
        pipeline.delete(stage);
    }

    @Test
    void showsStageAndStepFiguresAndWhichOnesDatePlans() throws Exception {
        TestData.Seller cs = data.user("CS", data.team("Cycle"));
        String page = mvc.perform(get("/insights/sales-cycle").with(SignIn.as(cs)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Sales cycle</h1>", "Where plan dates come from",
                "once it has been done at least 5 times", "at least 5 deals", "playbook’s default duration");
        assertThat(page).containsPattern("<a href=\"/insights/sales-cycle\" aria-current=\"page\">Sales cycle</a>");
        assertThat(PageText.row(PageText.section(page, "stage-durations"), stageName))
                .hasValue(stageName + " 5 3 3 4 Yes");
        assertThat(PageText.row(PageText.section(page, "step-durations"), stepKey))
                .hasValue(stepKey + " 2 2.5 2.5 4 Not yet: 3 more needed");
    }

    @Test
    void figuresAreWrittenTheReadersWay() throws Exception {
        TestData.Seller rep = data.user("REP", data.team("Cycle"));
        String page = mvc.perform(get("/insights/sales-cycle").with(SignIn.as(rep)).header("Accept-Language", "el"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Κύκλος πωλήσεων</h1>");
        assertThat(PageText.row(PageText.section(page, "step-durations"), stepKey))
                .hasValue(stepKey + " 2 2,5 2,5 4 Όχι ακόμη: χρειάζονται άλλα 3");
    }

    @Test
    void everySignedInSellerFindsThePageInTheNavigation() throws Exception {
        for (String role : new String[] {"REP", "MANAGER", "CS", "ADMIN"}) {
            String home = mvc.perform(get("/deals").with(SignIn.as(data.user(role, null))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(home).as(role).contains("<a href=\"/insights/sales-cycle\">Sales cycle</a>");
        }
        mvc.perform(get("/insights/sales-cycle")).andExpect(status().is3xxRedirection());
    }
}
