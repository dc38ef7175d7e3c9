package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.insights.ClosedDeals.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The win-loss and step-estimate pages in a real browser: Chart.js draws every chart from the figures in the page
 * under the strict Content-Security-Policy with no console errors, and a filter swaps in new figures, charts
 * included, without reloading the page.
 */
@IntegrationTest
class WinLossPageBrowserTest {

    private static final String NOT_RELOADED = "data-not-reloaded";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port);
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyChartIsDrawnAndAFilterRedrawsThemInPlace() {
        LocalDate today = LocalDate.now(clock);
        UUID team = data.team("Win-loss browser");
        Seller manager = data.user("MANAGER", team);
        Seller rep = data.user("REP", team);
        Seller teammate = data.user("REP", team);
        String segment = "WLB " + TestData.unique();
        ClosedDeals deals = new ClosedDeals(jdbc, clock.getZone());
        LocalDate closed = today.minusDays(4);
        deals.close(rep.id(), team, segment, null, true, today.minusDays(30), closed, "MUTUAL",
                List.of(new Step("browser-" + segment, true, today.minusDays(45), today.minusDays(40))), 2,
                List.of("prospecting", "proposal"), ClosedDeals.BEST_FIT, ClosedDeals.BEST_FIT_LABEL, "Acme");
        deals.close(teammate.id(), team, segment, null, false, today.minusDays(20), today.minusDays(3), "CLOSING",
                List.of(), 0, List.of("prospecting", "solution"), ClosedDeals.PRICE, ClosedDeals.PRICE_LABEL, "Acme");

        browser.signIn(manager.email(), TestData.PASSWORD);
        driver.get(browser.url("/insights/win-loss?segment=" + URLEncoder.encode(segment, StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#win-loss-outcomes canvas")));
        wait.until(d -> chartsDrawn() == canvases());
        assertThat(canvases()).as("a chart per table").isEqualTo(9);
        assertThat(driver.findElement(By.cssSelector("table[data-table='stalled']")).getText()).contains("Solution");
        driver.executeScript("document.documentElement.setAttribute('" + NOT_RELOADED + "', '')");

        new Select(driver.findElement(By.id("win-loss-owner"))).selectByValue(rep.id().toString());

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("table[data-table='stalled']")));
        wait.until(d -> chartsDrawn() == canvases() && canvases() == 8);
        assertThat(driver.getCurrentUrl()).as("the filter is in the address").contains("owner=" + rep.id());
        assertThat(driver.findElement(By.tagName("html")).getAttribute(NOT_RELOADED)).isNotNull();

        driver.get(browser.url("/insights/estimates"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-estimates")));
        assertThat(driver.findElements(By.cssSelector("#step-estimates canvas")))
                .as(driver.getCurrentUrl() + " " + driver.findElement(By.tagName("main")).getText()).hasSize(1);
        wait.until(d -> chartsDrawn() == 1);
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private long canvases() {
        return driver.findElements(By.cssSelector("canvas[data-chart]")).size();
    }

    /** How many canvases Chart.js has drawn a chart on. */
    private long chartsDrawn() {
        Object drawn = driver.executeScript("return typeof Chart === 'undefined' ? 0 : Array.from("
                + "document.querySelectorAll('canvas[data-chart]')).filter(c => Chart.getChart(c)).length");
        return ((Number) drawn).longValue();
    }
}
