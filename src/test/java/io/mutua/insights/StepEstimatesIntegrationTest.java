package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.identity.SignIn;
import io.mutua.insights.ClosedDeals.Step;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The learning loop made visible: a playbook step done every 24 days over the last year, and for each of the last
 * twelve month-ends the median business days, the samples and whether they were enough to date plans,
 * as worked out here from the days the test chose — through the API, the page and the link on the sales-cycle page.
 */
@IntegrationTest
class StepEstimatesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Holidays holidays;

    Seller rep;
    String key;
    List<Step> steps = new ArrayList<>();

    @BeforeEach
    void doneSteps() {
        LocalDate today = LocalDate.now(clock);
        UUID team = data.team("Estimates");
        rep = data.user("REP", team);
        key = "estimate-" + TestData.unique();
        for (int i = 0; i < 16; i++) {
            LocalDate done = today.minusDays(20 + i * 24L);
            steps.add(new Step(key, true, done.minusDays(i % 4 * 2), done));
        }
        new ClosedDeals(jdbc, clock.getZone()).close(rep.id(), team, "Estimates", null, true, today.minusDays(700),
                today.minusDays(1), "CLOSING", steps, 0, List.of(), null, null, null);
    }

    @Test
    void theApiGivesTheMedianAtEachMonthEndFromTheStepsDoneInTheYearBefore() {
        ApiClient api = new ApiClient(port);
        Response response = api.get("/api/v1/insights/step-estimates")
                .bearer(api.token(rep.email(), TestData.PASSWORD)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode step : response.json()) {
            if (step.path("key").asString().equals(key)) {
                mine = step;
            }
        }
        assertThat(mine).as("the step's history").isNotNull();
        List<String> actual = new ArrayList<>();
        mine.path("points").forEach(p -> actual.add(p.path("monthEnd").asString() + " " + p.path("samples").asInt()
                + " " + (p.path("medianBusinessDays").isNull() ? "-" : p.path("medianBusinessDays").asDouble())
                + " " + p.path("usedForEstimates").asBoolean()));
        assertThat(actual).isEqualTo(expected());
        assertThat(actual).as("some month had enough samples, some did not").anyMatch(p -> p.endsWith("true"))
                .anyMatch(p -> p.endsWith("false"));
    }

    @Test
    void thePageDrawsTheStepsLineAndTheSalesCyclePageLinksToIt() throws Exception {
        String page = mvc.perform(get("/insights/estimates").locale(Locale.US).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String greek = mvc.perform(get("/insights/estimates").locale(Locale.forLanguageTag("el")).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String salesCycle = mvc.perform(get("/insights/sales-cycle").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>How step estimates evolve</h1>", "data-chart=\"line\"",
                "<tr data-step=\"" + key + "\">", "&#34;label&#34;:&#34;" + key + "&#34;");
        String last = expected().get(11).split(" ")[1];
        String row = page.substring(page.indexOf("<tr data-step=\"" + key + "\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("(" + last + ")");
        assertThat(greek).contains("Πώς εξελίσσονται οι εκτιμήσεις των βημάτων");
        assertThat(salesCycle).contains("href=\"/insights/estimates\"");
    }

    /** "month-end samples median used" for each of the last twelve month-ends, computed from the chosen days. */
    private List<String> expected() {
        BusinessCalendar calendar = holidays.calendar();
        YearMonth month = YearMonth.now(clock).minusMonths(12);
        List<String> points = new ArrayList<>();
        for (int m = 0; m < 12; m++, month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            List<Integer> days = new ArrayList<>();
            for (Step step : steps) {
                if (step.done().isAfter(end.minusYears(1)) && !step.done().isAfter(end)) {
                    days.add(Math.max(0, calendar.businessDaysBetween(step.baseline().minusDays(3), step.done())) + 1);
                }
            }
            days.sort(null);
            int n = days.size();
            String median = n == 0 ? "-" : String.valueOf(n % 2 == 1 ? (double) days.get(n / 2)
                    : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0);
            points.add(end + " " + n + " " + median + " " + (n >= 5));
        }
        return points;
    }
}
