package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.forecasting.ForecastDeals.Made;
import io.mutua.identity.SignIn;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The forecast page as managers, reps and customer success get it: the whole page and the htmx fragment a filter
 * swaps in, in English and Greek. Health rows are inserted straight into the read model (see {@link ForecastDeals}).
 */
@IntegrationTest
class ForecastPageIntegrationTest {

    private static final Locale GREEK = Locale.forLanguageTag("el");
    private static final String OVERDUE_STEPS = "[{\"code\":\"STEPS_OVERDUE\",\"severity\":\"STALLED\","
            + "\"args\":[2,\"Security review\",9]},{\"code\":\"SOMETHING_NEWER\",\"severity\":\"AT_RISK\",\"args\":[]}]";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    ForecastDeals forecastDeals;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    Seller admin;
    Seller manager;
    Seller rep;
    Seller teammate;
    Seller cs;
    Made stalled;
    Made teammates;
    LocalDate today;

    @BeforeEach
    void deals() {
        today = LocalDate.now(clock);
        UUID team = data.team("Forecast page");
        admin = data.user("ADMIN", null);
        manager = data.user("MANAGER", team);
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        cs = data.user("CS", team);
        stalled = forecastDeals.open(admin, rep, "1200.00", "CHF", "solution", today.plusDays(20), today.plusDays(30),
                "STALLED", OVERDUE_STEPS);
        forecastDeals.open(admin, rep, "40000.00", "EUR", "proposal", today.plusDays(20), today.plusDays(30),
                "ON_TRACK", "[]");
        teammates = forecastDeals.open(admin, teammate, "2000.00", "EUR", "negotiation", today.plusDays(50),
                today.plusDays(60), "AT_RISK", "[{\"code\":\"CLOSE_DATE_PASSED\",\"severity\":\"AT_RISK\",\"args\":[]}]");
    }

    @Test
    void aManagerSeesThePipelinePerCurrencyLargestFirstAndTheDealsAtRiskWithTheirReasons() throws Exception {
        String page = page(manager, "/forecast", Locale.US, false);

        assertThat(page).contains("<html", "href=\"/forecast\"", "chart.umd.min.js", "/js/forecast-charts");
        assertThat(page.indexOf("id=\"pipeline-EUR\"")).as("EUR (42,000) comes before CHF (1,200)")
                .isPositive().isLessThan(page.indexOf("id=\"pipeline-CHF\""));
        String euroTotal = PageText.row(page.substring(page.indexOf("id=\"pipeline-EUR\"")), "Total").orElseThrow();
        // 40,000 at proposal (60 %) + 2,000 at negotiation (80 %), in both columns: predicted and expected.
        String amount = money(new BigDecimal("42000.00"), "EUR", Locale.US);
        String weighted = money(new BigDecimal("25600.00"), "EUR", Locale.US);
        assertThat(euroTotal).isEqualTo("Total 2 " + amount + " " + weighted + " 2 " + amount + " " + weighted);

        String stalledRow = PageText.row(page, stalled.name()).orElseThrow();
        assertThat(stalledRow).contains("Account of " + stalled.name(), rep.name(), "Solution",
                money(new BigDecimal("1200.00"), "CHF", Locale.US), reason("STEPS_OVERDUE", Locale.US,
                        2, "Security review", 9), "SOMETHING_NEWER");
        assertThat(page.indexOf(stalled.name())).as("stalled before at risk")
                .isLessThan(page.indexOf(teammates.name()));
        assertThat(page).contains("href=\"/deals/" + stalled.id() + "\"");
        assertThat(PageText.row(page, healthLabel("STALLED", Locale.US)).orElseThrow()).endsWith(" 1");
    }

    @Test
    void aFilterSwapsInTheBodyOnlyForThatOwner() throws Exception {
        String fragment = page(manager, "/forecast?owner=" + teammate.id() + "&by=expected", Locale.US, true);

        assertThat(fragment).doesNotContain("<html").startsWith("<div id=\"forecast-body\"");
        assertThat(fragment).contains(teammates.name()).doesNotContain(stalled.name(), "id=\"pipeline-CHF\"");
        assertThat(fragment).contains("value=\"" + teammate.id() + "\" selected", "value=\"expected\" selected");
    }

    @Test
    void greekReadersGetEverythingInGreek() throws Exception {
        String page = page(manager, "/forecast", GREEK, false);

        assertThat(page).contains("Πρόβλεψη πωλήσεων", "Pipeline ανά μήνα", "Σε κίνδυνο και σε στασιμότητα",
                "Χωρίς ημερομηνία");
        assertThat(PageText.row(page, stalled.name()).orElseThrow())
                .contains(reason("STEPS_OVERDUE", GREEK, 2, "Security review", 9), "SOMETHING_NEWER");
        assertThat(page).doesNotContain("Pipeline by month", "Slipped most this month");
    }

    @Test
    void aRepSeesOnlyTheirOwnDealsAndCustomerSuccessHasNoForecast() throws Exception {
        String page = page(rep, "/forecast", Locale.US, false);
        assertThat(page).contains(stalled.name()).doesNotContain(teammates.name(), "id=\"forecast-owner\"");

        mvc.perform(get("/forecast").with(SignIn.as(cs))).andExpect(status().isForbidden());
        String csDeals = mvc.perform(get("/deals").with(SignIn.as(cs))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csDeals).doesNotContain("href=\"/forecast\"");
        assertThat(page(admin, "/forecast", Locale.US, false)).contains("id=\"forecast-team\"");
    }

    private String page(Seller seller, String path, Locale locale, boolean htmx) throws Exception {
        var request = get(path).locale(locale).with(SignIn.as(seller));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A reason as the bundles word it, or its code while they have no words for it. */
    private String reason(String code, Locale locale, Object... args) {
        return messages.getMessage("health.reason." + code, args, code, locale);
    }

    private String healthLabel(String state, Locale locale) {
        return messages.getMessage("health." + state, null, state, locale);
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
