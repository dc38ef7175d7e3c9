package io.mutua.integration;

import static io.mutua.integration.CalendarFiles.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar page in a real browser, where htmx swaps the feeds panel: from the plan's export menu a rep makes a
 * feed, copies the address shown once, a calendar app reads it, and revoking (after confirming) ends it. The console
 * stays free of errors (the Content-Security-Policy forbids inline scripts and styles).
 */
@IntegrationTest
class CalendarFeedsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    MutualPlanFixtures fixtures;

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
    void aRepSubscribesFromTheExportMenuAndRevokesTheFeed() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        ApiClient calendarApp = new ApiClient(port);
        browser.signIn(fixture.rep().email(), TestData.PASSWORD);

        driver.get(browser.url(fixture.sellerPage()));
        driver.findElement(By.cssSelector("details.exports summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Calendar feed"))).click();
        wait.until(ExpectedConditions.urlToBe(browser.url(fixture.sellerPath() + "/calendar")));
        assertThat(driver.findElement(By.id("calendar-help-title")).getText()).isEqualTo("How to subscribe");

        driver.findElement(By.cssSelector("input[name=scope][value=MINE]")).click();
        driver.findElement(By.cssSelector(".feed-create button[type=submit]")).click();
        WebElement address = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input.feed-url")));
        assertThat(address.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector(".feed-scope")).getText()).isEqualTo("Only my steps");
        String path = URI.create(address.getDomProperty("value")).getPath();
        ApiClient.Response read = calendarApp.get(path).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(CalendarFiles.name(parse(read.body()))).endsWith(" · my steps");

        driver.findElement(By.cssSelector(".feed .button.danger")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-feeds"),
                "The feed is revoked"));

        assertThat(driver.findElements(By.cssSelector(".feed"))).isEmpty();
        assertThat(calendarApp.get(path).send().status()).isEqualTo(404);
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }
}
