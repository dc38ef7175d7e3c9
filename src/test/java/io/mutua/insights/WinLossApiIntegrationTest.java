package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.insights.ClosedDeals.Made;
import io.mutua.insights.ClosedDeals.Step;
import io.mutua.plans.Holidays;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/v1/insights/win-loss over real HTTP: every figure equals the one worked out here from the closed deals
 * the test made (see {@link ExpectedWinLoss}), for each filter and each viewer's scope. The deals are written
 * straight into the database (see {@link ClosedDeals}): they were created and closed months ago, with their close
 * reasons and competitors set in SQL as the close form would set them. Every request narrows to this test's own
 * segment, since other tests' deals share the database.
 */
@IntegrationTest
class WinLossApiIntegrationTest {

    private static final String WIN_LOSS = "/api/v1/insights/win-loss";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Holidays holidays;

    ApiClient api;
    Seller admin;
    Seller manager;
    Seller rep;
    Seller teammate;
    Seller outsider;
    Seller cs;
    UUID team;
    UUID otherTeam;
    UUID playbook;
    String segment;
    ClosedDeals deals;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void closedDeals() {
        api = new ApiClient(port);
        team = data.team("Win-loss");
        otherTeam = data.team("Other win-loss");
        admin = data.user("ADMIN", null);
        manager = data.user("MANAGER", team);
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        outsider = data.user("REP", otherTeam);
        cs = data.user("CS", team);
        segment = "WL " + TestData.unique();
        deals = new ClosedDeals(jdbc, clock.getZone());
        seed(deals, LocalDate.now(clock));
    }

    /** Ten closed deals of three owners in two teams, one of them closed more than a year ago. */
    private void seed(ClosedDeals deals, LocalDate today) {
        playbook = deals.playbook("Win-loss playbook " + segment);
        UUID otherPlaybook = deals.playbook("Other win-loss playbook " + segment);
        String demo = "demo-" + segment;
        String legal = "legal-" + segment;
        String pilot = "pilot-" + segment;
        LocalDate c1 = today.minusDays(10);
        deals.close(rep.id(), team, segment, playbook, true, today.minusDays(100), c1, "MUTUAL",
                List.of(new Step(demo, true, c1.minusDays(30), c1.minusDays(25)),
                        new Step(legal, true, c1.minusDays(10), c1.minusDays(10)),
                        new Step(pilot, true, c1.minusDays(20), null),
                        new Step(legal + "-internal", false, c1.minusDays(8), c1.minusDays(9))),
                2, List.of("prospecting", "discovery", "proposal"), ClosedDeals.BEST_FIT, ClosedDeals.BEST_FIT_LABEL,
                "Acme");
        LocalDate c2 = today.minusDays(33);
        deals.close(rep.id(), team, segment, playbook, false, today.minusDays(80), c2, "MUTUAL",
                steps(7, "shared-" + segment, c2, List.of(new Step(demo, true, c2.minusDays(20), null),
                        new Step(legal, true, c2.minusDays(15), c2.minusDays(17)))),
                1, List.of("prospecting", "discovery", "proposal"), ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL, "Acme");
        LocalDate c3 = today.minusDays(20);
        deals.close(teammate.id(), team, segment, null, true, today.minusDays(60), c3, "CLOSING",
                List.of(new Step(demo, false, c3.minusDays(12), c3.minusDays(2))), 0,
                List.of("prospecting", "discovery"), null, null, null);
        deals.close(teammate.id(), team, segment, null, false, today.minusDays(45), today.minusDays(5), null,
                List.of(), 0, List.of("prospecting"), ClosedDeals.NO_DECISION, ClosedDeals.NO_DECISION_LABEL,
                "Globex");
        LocalDate c5 = today.minusDays(50);
        deals.close(outsider.id(), otherTeam, segment, otherPlaybook, true, today.minusDays(200), c5, "MUTUAL",
                steps(12, "other-" + segment, c5, List.of(new Step(demo, true, c5.minusDays(40), c5.minusDays(35)))),
                5, List.of("prospecting", "discovery", "solution", "negotiation"), ClosedDeals.BEST_FIT,
                ClosedDeals.BEST_FIT_LABEL, "Globex");
        deals.close(outsider.id(), otherTeam, segment, otherPlaybook, false, today.minusDays(30), today.minusDays(2),
                "CLOSING", List.of(), 0, List.of("prospecting", "discovery", "solution", "negotiation"),
                ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL, null);
        deals.close(rep.id(), team, segment, playbook, false, today.minusDays(500), today.minusDays(400), "MUTUAL",
                steps(3, "old-" + segment, today.minusDays(400), List.of()), 4, List.of("prospecting", "solution"),
                ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL, "Initech");
        LocalDate c8 = today.minusDays(40);
        deals.close(rep.id(), team, segment, playbook, true, today.minusDays(47), c8, "MUTUAL",
                steps(22, "big-" + segment, c8, List.of(new Step(demo, true, c8.minusDays(9), c8.minusDays(1)))), 3,
                List.of("prospecting", "proposal"), null, null, "Acme");
        deals.close(teammate.id(), team, segment, playbook, false, today.minusDays(90), today.minusDays(61), "MUTUAL",
                List.of(), 4, List.of("prospecting", "discovery", "solution"), ClosedDeals.PRICE,
                ClosedDeals.PRICE_LABEL, null);
        deals.close(rep.id(), team, segment, null, true, today.minusDays(15), today.minusDays(1), null, List.of(), 0,
                List.of(), ClosedDeals.BEST_FIT, ClosedDeals.BEST_FIT_LABEL, null);
    }

    /** {@code count} shared steps done on their baseline, then {@code more}. */
    private static List<Step> steps(int count, String key, LocalDate closed, List<Step> more) {
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < count - more.size(); i++) {
            steps.add(new Step(key + "-" + (i % 2), true, closed.minusDays(5 + i), closed.minusDays(5 + i)));
        }
        steps.addAll(more);
        return steps;
    }

    @Test
    void anAdminSeesEveryFigureOfTheLastTwelveMonths() {
        Response response = get(admin, "segment=" + enc(segment));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        LocalDate today = LocalDate.now(clock);
        assertThat(response.json().path("from").asString()).isEqualTo(today.minusMonths(12).plusDays(1).toString());
        assertThat(response.json().path("to").asString()).isEqualTo(today.toString());
        assertFigures(response, d -> !d.closed().isBefore(today.minusMonths(12).plusDays(1)));
        assertThat(response.json().path("total").path("won").asLong()).isEqualTo(5);
        assertThat(response.json().path("total").path("lost").asLong()).isEqualTo(4);
        assertThat(response.json().path("total").path("winRate").asDouble()).isEqualTo(5 / 9.0);
    }

    @Test
    void aLongerPeriodTakesInTheDealClosedMoreThanAYearAgo() {
        LocalDate today = LocalDate.now(clock);
        Response response = get(admin, "segment=" + enc(segment) + "&from=" + today.minusDays(401) + "&to="
                + today.minusDays(3));

        assertFigures(response, d -> !d.closed().isAfter(today.minusDays(3)));
        assertThat(response.json().path("total").path("lost").asLong()).isEqualTo(4);
    }

    @Test
    void aManagerSeesOnlyTheirTeamsDeals() {
        LocalDate today = LocalDate.now(clock);
        Response ours = get(manager, "segment=" + enc(segment));
        Response theirs = get(manager, "segment=" + enc(segment) + "&team=" + otherTeam);

        assertFigures(ours, d -> d.team().equals(team) && d.closed().isAfter(today.minusYears(1)));
        assertThat(theirs.json().path("total").path("won").asLong()).isZero();
        assertThat(theirs.json().path("total").path("lost").asLong()).isZero();
        assertThat(theirs.json().path("total").path("winRate").isNull()).isTrue();
    }

    @Test
    void filtersNarrowToATeamAnOwnerAndAPlaybook() {
        LocalDate today = LocalDate.now(clock);
        Predicate<Made> recent = d -> d.closed().isAfter(today.minusYears(1));

        assertFigures(get(admin, "segment=" + enc(segment) + "&team=" + otherTeam),
                recent.and(d -> d.team().equals(otherTeam)));
        assertFigures(get(admin, "segment=" + enc(segment) + "&owner=" + teammate.id()),
                recent.and(d -> d.owner().equals(teammate.id())));
        assertFigures(get(manager, "segment=" + enc(segment) + "&playbook=" + playbook),
                recent.and(d -> playbook.equals(d.playbook()) && d.planKind() != null));
    }

    @Test
    void customerSuccessAndRepsMayNotLook() {
        assertThat(get(cs, "").status()).isEqualTo(403);
        assertThat(get(rep, "").status()).isEqualTo(403);
    }

    @Test
    void badDatesAreRejected() {
        assertThat(get(admin, "from=yesterday").status()).isEqualTo(400);
        Response backwards = get(admin, "from=2026-05-01&to=2026-04-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("from");
    }

    private void assertFigures(Response response, Predicate<Made> covered) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Made> expected = deals.made.stream().filter(covered).toList();
        assertThat(expected).isNotEmpty();
        assertThat(ExpectedWinLoss.actual(response.json()))
                .isEqualTo(ExpectedWinLoss.expected(expected, holidays.calendar()));
    }

    private Response get(Seller seller, String query) {
        return api.get(WIN_LOSS + (query.isEmpty() ? "" : "?" + query)).bearer(token(seller)).send();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }
}
