package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.Pipeline;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The duration statistics over HTTP, for a stage and a step key of this test's own. */
@IntegrationTest
class InsightsApiIntegrationTest {

    @LocalServerPort
    int port;
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

    ApiClient api;
    SalesHistory history;
    String stage;
    String stepKey;
    String token;

    @BeforeEach
    void aStageFiveDealsWentThroughAndAStepDoneTwice() {
        api = new ApiClient(port);
        TestData.Seller cs = data.user("CS", data.team("Insights"));
        token = api.token(cs.email(), TestData.PASSWORD);
        history = new SalesHistory(jdbc, clock.getZone(), data.user("REP", null).id());
        String unique = TestData.unique();
        stage = pipeline.add("Insights " + unique, 30).key();
        stepKey = "stat-" + unique + "-api";
        LocalDate monday = SalesHistory.quietMonday(holidays.list().stream().map(Holidays.HolidayView::day).toList(),
                LocalDate.now(clock), 2);
        // 1, 2, 3, 4 and 5 business days in the stage.
        for (int days = 1; days <= 4; days++) {
            history.wonDeal(stage, monday, monday.plusDays(days));
        }
        history.wonDeal(stage, monday, monday.plusWeeks(1));
        // Done in 1 and in 3 business days.
        SalesHistory.PlanRef plan = history.plan();
        history.doneStep(plan, stepKey, monday, monday);
        history.doneStep(plan, stepKey, monday, monday.with(DayOfWeek.WEDNESDAY));
    }

    @AfterEach
    void removeTheHistory() {
        history.removeAll();
        pipeline.delete(stage);
    }

    @Test
    void stageDurationsAreListedInPipelineOrderWithTheirFigures() {
        Response response = api.get("/api/v1/insights/stage-durations").bearer(token).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        JsonNode mine = null;
        for (JsonNode stageDuration : response.json()) {
            listed.add(stageDuration.path("stage").asString());
            if (stageDuration.path("stage").asString().equals(stage)) {
                mine = stageDuration;
            }
        }
        List<String> pipelineOrder = jdbc.sql("select key from stage where outcome is null order by position")
                .query(String.class).list();
        assertThat(pipelineOrder).containsSubsequence(listed);
        assertThat(listed).doesNotContain("won", "lost");
        assertThat(mine).as("the stage of this test in %s", response.body()).isNotNull();
        assertThat(mine.propertyNames()).containsExactlyInAnyOrder("stage", "name", "sampleSize",
                "medianBusinessDays", "meanBusinessDays", "p80BusinessDays", "usedForEstimates");
        // 1, 2, 3, 4, 5: median 3, mean 3, 80th percentile the 4th value.
        assertThat(mine.path("name").asString()).startsWith("Insights ");
        assertThat(mine.path("sampleSize").asInt()).isEqualTo(5);
        assertThat(mine.path("medianBusinessDays").asDouble()).isEqualTo(3.0);
        assertThat(mine.path("meanBusinessDays").asDouble()).isEqualTo(3.0);
        assertThat(mine.path("p80BusinessDays").asInt()).isEqualTo(4);
        assertThat(mine.path("usedForEstimates").asBoolean()).isTrue();
    }

    @Test
    void stepDurationsAreListedByKeyAndSayWhetherTheyDatePlans() {
        Response response = api.get("/api/v1/insights/step-durations").bearer(token).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        JsonNode mine = null;
        for (JsonNode step : response.json()) {
            keys.add(step.path("key").asString());
            if (step.path("key").asString().equals(stepKey)) {
                mine = step;
            }
        }
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(mine).as("the step key of this test in %s", response.body()).isNotNull();
        assertThat(mine.propertyNames()).containsExactlyInAnyOrder("key", "sampleSize", "medianBusinessDays",
                "meanBusinessDays", "p80BusinessDays", "usedForEstimates");
        // 1, 3: median (1 + 3) / 2 = 2, mean 2, 80th percentile the ceil(1.6) = 2nd value, 3.
        assertThat(mine.path("sampleSize").asInt()).isEqualTo(2);
        assertThat(mine.path("medianBusinessDays").asDouble()).isEqualTo(2.0);
        assertThat(mine.path("meanBusinessDays").asDouble()).isEqualTo(2.0);
        assertThat(mine.path("p80BusinessDays").asInt()).isEqualTo(3);
        assertThat(mine.path("usedForEstimates").asBoolean()).isFalse();
    }

    @Test
    void insightsNeedAToken() {
        api.get("/api/v1/insights/stage-durations").send().problem(401);
        api.get("/api/v1/insights/step-durations").bearer("not-a-token").send().problem(401);
    }
}
