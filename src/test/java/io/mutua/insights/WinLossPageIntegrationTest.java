package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.identity.SignIn;
import io.mutua.insights.ClosedDeals.Step;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The win-loss page as managers and admins get it (whole page and the htmx fragment a filter swaps in, English and
 * Greek), its CSV downloads read back as CSV, and who may not see it. The closed deals are written straight into
 * the database with their reasons and competitors (see {@link ClosedDeals}); the page narrows to this test's segment.
 */
@IntegrationTest
class WinLossPageIntegrationTest {

    private static final String PAGE = "/insights/win-loss";
    private static final String ACME = "Acme, \"Inc\"";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Seller admin;
    Seller manager;
    Seller rep;
    Seller cs;
    String segment;
    LocalDate today;

    @BeforeEach
    void closedDeals() {
        today = LocalDate.now(clock);
        UUID team = data.team("Win-loss page");
        admin = data.user("ADMIN", null);
        manager = data.user("MANAGER", team);
        rep = data.user("REP", team);
        cs = data.user("CS", team);
        segment = "WLP " + TestData.unique();
        ClosedDeals deals = new ClosedDeals(jdbc, clock.getZone());
        LocalDate closed = today.minusDays(5);
        deals.close(rep.id(), team, segment, null, true, today.minusDays(40), closed, "MUTUAL",
                List.of(new Step("kickoff-" + segment, true, closed.minusDays(9), closed.minusDays(2)),
                        new Step("security-" + segment, true, closed.minusDays(6), closed.minusDays(6)),
                        new Step("legal-" + segment, true, closed.minusDays(3), null)),
                2, List.of("prospecting", "proposal"), ClosedDeals.BEST_FIT, ClosedDeals.BEST_FIT_LABEL, ACME);
        deals.close(rep.id(), team, segment, null, false, today.minusDays(30), today.minusDays(3), "CLOSING",
                List.of(), 0, List.of("prospecting", "proposal"), ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL, ACME);
        deals.close(rep.id(), team, segment, null, false, today.minusDays(20), today.minusDays(2), null,
                List.of(), 0, List.of("prospecting", "discovery"), ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL,
                "=Globex");
    }

    @Test
    void aManagerSeesEachTableWithItsChartAndCsvLink() throws Exception {
        String page = page(manager, Locale.US, false);

        assertThat(page).contains("<html", "<h1>Win-loss analysis</h1>", "href=\"/insights/win-loss\"",
                "chart.umd.min.js", "/js/forecast-charts");
        for (String table : List.of("outcomes", "cycle", "plan", "mapSize", "buyers", "stalled", "slips", "reasons",
                "competitors")) {
            assertThat(page).contains("id=\"win-loss-" + table + "\"", "data-table=\"" + table + "\"",
                    "table=" + table + "\"");
        }
        assertThat(page).contains("segment=" + enc(segment) + "&amp;format=csv&amp;table=outcomes");
        assertThat(page.split("<canvas", -1)).hasSize(10);
        String compact = page.replaceAll(">\\s+<", "><");
        assertThat(compact).as("won, lost, closed, win rate").contains("<td>1</td><td>2</td><td>3</td><td>33.3%</td>");
        assertThat(page).contains("<td>Mutual action plan</td>", "<td>Proposal</td>", "<td>Discovery</td>",
                "<td>" + ACME + "</td>", "<td>kickoff-" + segment + "</td>");
    }

    @Test
    void aFilterSwapsInTheBodyAndGreekReadersGetGreek() throws Exception {
        String fragment = page(admin, Locale.US, true);
        String greek = page(manager, Locale.forLanguageTag("el"), false);

        assertThat(fragment).doesNotContain("<html").startsWith("<div id=\"win-loss-body\"")
                .contains("selected", "data-table=\"competitors\"", "<td>Best fit for their needs</td>");
        assertThat(greek).contains("Ανάλυση κερδισμένων και χαμένων συμφωνιών", "Ποσοστό επιτυχίας ανά πλάνο",
                "<td>Κοινό πλάνο δράσης</td>");
    }

    @Test
    void csvDownloadsReadBackAsTheTables() throws Exception {
        List<CSVRecord> outcomes = csv("outcomes", "win-loss-outcomes-");
        List<CSVRecord> plans = csv("plan", "win-loss-plan-");
        List<CSVRecord> competitors = csv("competitors", "win-loss-competitors-");

        assertThat(outcomes.get(0).toList()).containsExactly("Won", "Lost", "Closed", "Win rate");
        assertThat(outcomes.get(1).toList()).containsExactly("1", "2", "3", "33.3");
        assertThat(plans.stream().map(CSVRecord::toList).toList()).containsExactly(
                List.of("Plan", "Won", "Lost", "Closed", "Win rate"),
                List.of("Mutual action plan", "1", "0", "1", "100"),
                List.of("Closing plan only", "0", "1", "1", "0"),
                List.of("No plan", "0", "1", "1", "0"));
        assertThat(competitors.stream().map(CSVRecord::toList).toList()).containsExactly(
                List.of("Competitor", "Won", "Lost"), List.of(ACME, "1", "1"), List.of("'=Globex", "0", "1"));
    }

    @Test
    void repsAndCustomerSuccessMayNotSeeIt() throws Exception {
        mvc.perform(get(PAGE).with(SignIn.as(rep))).andExpect(status().isForbidden());
        mvc.perform(get(PAGE).param("format", "csv").param("table", "outcomes").with(SignIn.as(cs)))
                .andExpect(status().isForbidden());
        String repDeals = mvc.perform(get("/deals").with(SignIn.as(rep))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(repDeals).doesNotContain("href=\"/insights/win-loss\"");
    }

    private List<CSVRecord> csv(String table, String fileNamePrefix) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(PAGE).param("segment", segment).param("format", "csv")
                        .param("table", table).locale(Locale.US).with(SignIn.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
                .contains(fileNamePrefix + today.minusMonths(12).plusDays(1) + "-" + today + ".csv");
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF").contains("\r\n");
        return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
    }

    private String page(Seller seller, Locale locale, boolean htmx) throws Exception {
        var request = get(PAGE).param("segment", segment).locale(locale).with(SignIn.as(seller));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
