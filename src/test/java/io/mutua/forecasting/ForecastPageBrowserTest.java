package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.forecasting.ForecastDeals.Made;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forecast page in a real browser: Chart.js draws every chart from the figures in the page under the strict
 * Content-Security-Policy (no console errors), and picking an owner swaps in that owner's figures without reloading
 * the page, charts included.
 */
@IntegrationTest
class ForecastPageBrowserTest {

    private static final String NOT_RELOADED = "data-not-reloaded";
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ForecastDeals forecastDeals;
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
    void chartsAreDrawnAndAnOwnerFilterSwapsTheFiguresInPlace() throws IOException {
        LocalDate today = LocalDate.now(clock);
        UUID team = data.team("Forecast browser");
        Seller admin = data.user("ADMIN", null);
        Seller manager = data.user("MANAGER", team);
        Seller rep = data.user("REP", team);
        Seller teammate = data.user("REP", team);
        Made chf = forecastDeals.open(admin, rep, "1200.00", "CHF", "solution", today.plusDays(20),
                today.plusDays(30), "STALLED", "[{\"code\":\"STEPS_OVERDUE\",\"severity\":\"STALLED\",\"args\":[1,\"Legal\",8]}]");
        Made eur = forecastDeals.open(admin, teammate, "2000.00", "EUR", "negotiation", today.plusDays(50),
                today.plusDays(60), "AT_RISK", "[{\"code\":\"CLOSE_DATE_PASSED\",\"severity\":\"AT_RISK\",\"args\":[]}]");

        browser.signIn(manager.email(), TestData.PASSWORD);
        driver.get(browser.url("/forecast"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pipeline-CHF canvas")));
        wait.until(d -> chartsDrawn() == canvases());
        assertThat(canvases()).as("a chart per currency and the health chart").isEqualTo(3);
        assertThat(driver.findElement(By.cssSelector("table.forecast-at-risk")).getText())
                .contains(chf.name(), eur.name());
        screenshot();
        driver.executeScript("document.documentElement.setAttribute('" + NOT_RELOADED + "', '')");

        new Select(driver.findElement(By.id("forecast-owner"))).selectByValue(rep.id().toString());

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pipeline-EUR")));
        wait.until(d -> chartsDrawn() == 2 && canvases() == 2);
        WebElement atRisk = driver.findElement(By.cssSelector("table.forecast-at-risk"));
        assertThat(atRisk.getText()).contains(chf.name()).doesNotContain(eur.name());
        assertThat(driver.getCurrentUrl()).as("the filter is in the address").contains("owner=" + rep.id());
        assertThat(driver.findElement(By.tagName("html")).getAttribute(NOT_RELOADED))
                .as("the page was not reloaded").isNotNull();
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** The page as drawn, for the README's screenshots. */
    private void screenshot() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("forecast.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
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
