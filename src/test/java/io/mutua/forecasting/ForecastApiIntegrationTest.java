package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.forecasting.ForecastDeals.Expected;
import io.mutua.forecasting.ForecastDeals.Made;
import io.mutua.plans.Holidays;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/forecast over real HTTP with API tokens: the months, amounts and weighted amounts equal figures
 * computed here from the deals the test made (two currencies, two teams, several stages), per viewer's scope.
 * Health and predictions are inserted straight into their read-model tables (see {@link ForecastDeals}).
 */
@IntegrationTest
class ForecastApiIntegrationTest {

    private static final String FORECAST = "/api/v1/forecast";
    private static final String AT_RISK = "[{\"code\":\"CLOSE_DATE_PASSED\",\"severity\":\"AT_RISK\",\"args\":[]}]";
    private static final String STALLED = "[{\"code\":\"STEPS_OVERDUE\",\"severity\":\"STALLED\","
            + "\"args\":[2,\"Security review\",9]},{\"code\":\"SOMETHING_NEWER\",\"severity\":\"AT_RISK\",\"args\":[]}]";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ForecastDeals forecastDeals;
    @Autowired
    Clock clock;
    @Autowired
    Holidays holidays;

    ApiClient api;
    UUID team;
    UUID otherTeam;
    Seller admin;
    Seller manager;
    Seller rep;
    Seller teammate;
    Seller cs;
    Seller outsider;
    LocalDate today;
    List<Made> made = new ArrayList<>();
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void deals() {
        api = new ApiClient(port);
        today = LocalDate.now(clock);
        team = data.team("Forecast");
        otherTeam = data.team("Other forecast");
        admin = data.user("ADMIN", null);
        manager = data.user("MANAGER", team);
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        cs = data.user("CS", team);
        outsider = data.user("REP", otherTeam);

        made.add(forecastDeals.open(admin, rep, "1000.00", "EUR", "solution", today.plusDays(40), today.plusDays(70),
                "AT_RISK", AT_RISK));
        made.add(forecastDeals.open(admin, rep, "2500.50", "EUR", "proposal", today.minusDays(10), today.plusDays(5),
                "ON_TRACK", "[]"));
        made.add(forecastDeals.open(admin, rep, "700.00", "CHF", "negotiation", null, today.plusDays(400),
                "ON_TRACK", "[]"));
        made.add(forecastDeals.open(admin, rep, "99.99", "EUR", "proposal", today.plusDays(75), today.plusDays(72),
                "ON_TRACK", "[]"));
        made.add(forecastDeals.open(admin, teammate, "333.33", "EUR", "prospecting", today.plusDays(100), null,
                null, null));
        made.add(forecastDeals.open(admin, teammate, "1200.00", "CHF", "solution", today.plusDays(20),
                today.plusDays(20), "STALLED", STALLED));
        made.add(forecastDeals.open(admin, teammate, null, null, "solution", today.plusDays(20), today.plusDays(25),
                "AT_RISK", AT_RISK));
        made.add(forecastDeals.open(admin, outsider, "5000.00", "EUR", "proposal", today.plusDays(30),
                today.plusDays(60), "AT_RISK", AT_RISK));
        Made won = forecastDeals.open(admin, rep, "123456.00", "EUR", "proposal", today.plusDays(30),
                today.plusDays(30), null, null);
        forecastDeals.close(admin, won.id());
    }

    @Test
    void aRepSeesTheirOwnDealsByPredictedMonthWithWeightedAmounts() {
        Response response = api.get(FORECAST).bearer(token(rep)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("by").asString()).isEqualTo("predicted");
        assertThat(pipeline(response.json())).isEqualTo(expected(ForecastDeals.ownedBy(made, rep), true));
        assertThat(dealIds(response.json().path("atRisk"))).containsExactly(made.get(0).id());
    }

    @Test
    void byExpectedPlacesDealsInTheMonthTheRepExpects() {
        Response response = api.get(FORECAST + "?by=expected").bearer(token(rep)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("by").asString()).isEqualTo("expected");
        Map<String, Expected> expected = expected(ForecastDeals.ownedBy(made, rep), false);
        assertThat(pipeline(response.json())).isEqualTo(expected);
        assertThat(expected).containsKeys("EUR OVERDUE", "CHF UNDATED");
    }

    @Test
    void aManagerSeesTheTeamsDealsAndNarrowsToOneOwner() {
        Response team = api.get(FORECAST).bearer(token(manager)).send();
        Response one = api.get(FORECAST + "?owner=" + teammate.id()).bearer(token(manager)).send();
        Response outside = api.get(FORECAST + "?owner=" + outsider.id()).bearer(token(manager)).send();

        assertThat(pipeline(team.json())).isEqualTo(expected(ForecastDeals.ownedBy(made, rep, teammate), true));
        assertThat(pipeline(one.json())).isEqualTo(expected(ForecastDeals.ownedBy(made, teammate), true));
        assertThat(pipeline(outside.json())).isEmpty();
        assertThat(outside.json().path("atRisk")).isEmpty();
    }

    @Test
    void anAdminSeesEveryTeamAndNarrowsToOne() {
        Response all = api.get(FORECAST + "?by=expected").bearer(token(admin)).send();
        Response ours = api.get(FORECAST + "?by=expected&team=" + team).bearer(token(admin)).send();
        Response theirs = api.get(FORECAST + "?by=expected&team=" + otherTeam).bearer(token(admin)).send();

        assertThat(pipeline(ours.json())).isEqualTo(expected(ForecastDeals.ownedBy(made, rep, teammate), false));
        assertThat(pipeline(theirs.json())).isEqualTo(expected(ForecastDeals.ownedBy(made, outsider), false));
        Map<String, Expected> everything = pipeline(all.json());
        expected(made, false).forEach((bucket, figures) -> {
            assertThat(everything).containsKey(bucket);
            assertThat(everything.get(bucket).deals()).isGreaterThanOrEqualTo(figures.deals());
        });
        assertThat(theirs.json().path("atRisk").get(0).path("owner").asString()).isEqualTo(outsider.name());
    }

    @Test
    void atRiskDealsComeStalledFirstThenByAmountWithTheirReasons() {
        Response response = api.get(FORECAST).bearer(token(manager)).send();

        JsonNode atRisk = response.json().path("atRisk");
        assertThat(dealIds(atRisk)).containsExactly(made.get(5).id(), made.get(0).id(), made.get(6).id());
        assertThat(response.json().path("atRiskTotal").asLong()).isEqualTo(3);
        JsonNode stalled = atRisk.get(0);
        assertThat(stalled.propertyNames()).containsExactlyInAnyOrder("dealId", "name", "account", "owner", "stage",
                "amount", "currency", "health", "predictedClose", "slipBusinessDays", "reasons");
        assertThat(stalled.path("health").asString()).isEqualTo("STALLED");
        assertThat(stalled.path("name").asString()).isEqualTo(made.get(5).name());
        assertThat(stalled.path("owner").asString()).isEqualTo(teammate.name());
        assertThat(stalled.path("stage").asString()).isEqualTo("Solution");
        assertThat(stalled.path("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(stalled.path("currency").asString()).isEqualTo("CHF");
        assertThat(stalled.path("predictedClose").asString()).isEqualTo(today.plusDays(20).toString());
        assertThat(stalled.path("slipBusinessDays").asInt()).isEqualTo(3);
        assertThat(stalled.path("reasons").get(0).path("code").asString()).isEqualTo("STEPS_OVERDUE");
        assertThat(stalled.path("reasons").get(0).path("message").asString()).isNotBlank();
        assertThat(stalled.path("reasons").get(1).path("code").asString()).isEqualTo("SOMETHING_NEWER");
        assertThat(stalled.path("reasons").get(1).path("message").asString())
                .as("a reason this version has no words for shows its code").isEqualTo("SOMETHING_NEWER");
    }

    @Test
    void slippedThisMonthComparesWithTheLastPredictionBeforeTheMonthBegan() {
        LocalDate monthStart = today.withDayOfMonth(1);
        Made moved = made.get(0);
        forecastDeals.predicted(moved.id(), monthStart.minusDays(20), monthStart.plusDays(3));
        forecastDeals.predicted(moved.id(), monthStart.minusDays(2), monthStart.plusDays(10));
        forecastDeals.predicted(moved.id(), monthStart.plusDays(1), monthStart.plusDays(30));
        Made newThisMonth = made.get(1);
        forecastDeals.predicted(newThisMonth.id(), monthStart, monthStart.plusDays(40));
        forecastDeals.predicted(newThisMonth.id(), monthStart.plusDays(1), monthStart.plusDays(45));
        forecastDeals.predicted(newThisMonth.id(), monthStart.plusDays(2), monthStart.plusDays(44));
        Made earlier = made.get(2);
        forecastDeals.predicted(earlier.id(), monthStart.minusDays(3), monthStart.plusDays(50));
        forecastDeals.predicted(earlier.id(), monthStart.plusDays(1), monthStart.plusDays(20));
        Made quietThisMonth = made.get(3);
        forecastDeals.predicted(quietThisMonth.id(), monthStart.minusDays(9), monthStart.plusDays(5));
        forecastDeals.predicted(quietThisMonth.id(), monthStart.minusDays(1), monthStart.plusDays(60));

        Response response = api.get(FORECAST).bearer(token(rep)).send();

        JsonNode slipped = response.json().path("slippedThisMonth");
        assertThat(dealIds(slipped)).containsExactly(moved.id(), newThisMonth.id());
        assertSlip(slipped.get(0), moved, monthStart.plusDays(10), monthStart.plusDays(30));
        assertSlip(slipped.get(1), newThisMonth, monthStart.plusDays(40), monthStart.plusDays(44));
    }

    @Test
    void customerSuccessHasNoForecastAndAnUnknownBasisIsRefused() {
        api.get(FORECAST).bearer(token(cs)).send().problem(403);
        JsonNode problem = api.get(FORECAST + "?by=weighted").bearer(token(manager)).send().problem(400);
        assertThat(problem.toString()).contains("by");
        assertThat(api.get(FORECAST).send().status()).isEqualTo(401);
    }

    private void assertSlip(JsonNode slip, Made deal, LocalDate from, LocalDate to) {
        assertThat(slip.path("name").asString()).isEqualTo(deal.name());
        assertThat(slip.path("from").asString()).isEqualTo(from.toString());
        assertThat(slip.path("to").asString()).isEqualTo(to.toString());
        assertThat(slip.path("businessDays").asInt()).isEqualTo(holidays.calendar().businessDaysBetween(from, to));
    }

    private Map<String, Expected> expected(List<Made> deals, boolean byPredicted) {
        return forecastDeals.pipeline(deals, byPredicted, today);
    }

    /** Every bucket of the answer, keyed like {@link ForecastDeals#pipeline}. */
    private static Map<String, Expected> pipeline(JsonNode forecast) {
        Map<String, Expected> figures = new TreeMap<>();
        for (JsonNode month : forecast.path("months")) {
            assertThat(month.path("month").asString()).matches("\\d{4}-\\d{2}");
            put(figures, month.path("currency").asString() + " " + month.path("month").asString(), month);
        }
        for (String bucket : List.of("overdue", "later", "undated")) {
            for (JsonNode row : forecast.path(bucket)) {
                assertThat(row.path("month").isNull()).isTrue();
                put(figures, row.path("currency").asString() + " " + bucket.toUpperCase(), row);
            }
        }
        return figures;
    }

    private static void put(Map<String, Expected> figures, String key, JsonNode row) {
        assertThat(figures).doesNotContainKey(key);
        figures.put(key, new Expected(row.path("deals").asLong(), row.path("amount").decimalValue().setScale(2),
                row.path("weightedAmount").decimalValue().setScale(2)));
    }

    private static List<UUID> dealIds(JsonNode rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(UUID.fromString(row.path("dealId").asString())));
        return ids;
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }
}
