package io.mutua;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.deals.DealSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A seller's first day in a real browser: set up a new installation with sample data, sign in, find the sample
 * deals, create a deal, move it through the pipeline and close it as won, and read the deals in Greek. The
 * browser console must stay free of errors, which is what guards the strict Content-Security-Policy.
 */
@IntegrationTest
class SellerJourneyBrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");
    private static final String EMAIL = "ada@example.org";
    private static final String PASSWORD = "a long password for ada";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private final List<LogEntry> consoleErrors = new ArrayList<>();

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
    void sellerSetsUpSignsInAndWinsADeal() throws IOException {
        testData.wipe();

        // A brand-new installation asks for its first administrator.
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlToBe(url("/setup")));
        assertThat(heading()).isEqualTo("Welcome to Mutua");
        WebElement sampleData = driver.findElement(By.id("sampleData"));
        assertThat(sampleData.isSelected()).as("Load sample data is checked by default").isTrue();
        screenshot("setup.png");
        driver.findElement(By.id("name")).sendKeys("Ada Admin");
        driver.findElement(By.id("email")).sendKeys(EMAIL);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("passwordConfirmation")).sendKeys(PASSWORD);
        submit(By.cssSelector("form[action='/setup'] button[type=submit]"));
        collectConsole();

        // Setup leads to the sign-in page, which says the account is ready.
        wait.until(ExpectedConditions.urlToBe(url("/login?setup")));
        assertThat(driver.findElement(By.cssSelector(".alert.success")).getText())
                .isEqualTo("Your administrator account is ready. Sign in to start.");
        driver.findElement(By.id("email")).sendKeys(EMAIL);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(By.cssSelector("form[action='/login'] button[type=submit]"));
        collectConsole();

        // The deal list shows the sample deals, one page of them at a time.
        wait.until(ExpectedConditions.urlToBe(url("/deals")));
        long sampleDeals = jdbc.sql("select count(*) from deal").query(Long.class).single();
        assertThat(sampleDeals).isBetween(25L, 35L);
        assertThat(heading()).isEqualTo("Deals");
        assertThat(driver.findElement(By.cssSelector("#deal-results .result-count")).getText())
                .isEqualTo(sampleDeals + " deals");
        assertThat(driver.findElements(By.cssSelector("#deal-results table.deals tbody tr")))
                .hasSize((int) Math.min(sampleDeals, DealSearch.DEFAULT_SIZE));
        screenshot("deals.png");

        // The top bar switches the whole page to Greek and back.
        submit(By.cssSelector("form.language button[value=el]"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Συμφωνίες"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("el");
        assertThat(driver.findElement(By.cssSelector("#deal-results .result-count")).getText())
                .isEqualTo(sampleDeals + " συμφωνίες");
        screenshot("deals-el.png");
        collectConsole();
        submit(By.cssSelector("form.language button[value=en]"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Deals"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        collectConsole();

        // A new deal, starting in Discovery.
        driver.findElement(By.linkText("New deal")).click();
        wait.until(ExpectedConditions.urlToBe(url("/deals/new")));
        String dealName = "Northwind rollout";
        LocalDate closeDate = LocalDate.now().plusMonths(3);
        driver.findElement(By.id("name")).sendKeys(dealName);
        driver.findElement(By.id("account")).sendKeys("Northwind Traders");
        driver.findElement(By.id("amount")).sendKeys("125000");
        new Select(driver.findElement(By.id("currency"))).selectByValue("EUR");
        WebElement date = driver.findElement(By.id("expectedCloseDate"));
        date.sendKeys(closeDate.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        assertThat(date.getDomProperty("value")).isEqualTo(closeDate.toString());
        new Select(driver.findElement(By.id("stage"))).selectByVisibleText("Prospecting");
        screenshot("deal-new.png");
        submit(By.cssSelector("form[action='/deals'] button[type=submit]"));
        collectConsole();

        // The deal page shows what was entered, with one line of stage history.
        wait.until(ExpectedConditions.urlMatches(url("/deals/[0-9a-f-]{36}$")));
        assertThat(heading()).isEqualTo(dealName);
        assertThat(driver.findElement(By.cssSelector("#deal-body .page-head .muted")).getText())
                .isEqualTo("Northwind Traders");
        assertThat(driver.findElement(By.cssSelector("#deal-body dl.facts")).getText()).contains("€125,000.00");
        assertThat(driver.findElement(By.id("deal-stage")).getText()).isEqualTo("Prospecting");
        assertThat(statusBadge()).isEqualTo("Open");
        By historyRows = By.cssSelector("#deal-body table.history tbody tr");
        assertThat(driver.findElements(historyRows)).hasSize(1);
        String dealUrl = driver.getCurrentUrl();

        // Moving the stage swaps the deal body in place (htmx) and adds to the history.
        moveTo("Discovery");
        wait.until(ExpectedConditions.numberOfElementsToBe(historyRows, 2));
        assertThat(driver.findElements(historyRows).get(1).getText()).contains("Prospecting → Discovery");
        assertThat(driver.getCurrentUrl()).as("htmx swapped the body without navigating").isEqualTo(dealUrl);
        assertThat(driver.findElement(By.cssSelector(".stage-track li.current")).getText()).isEqualTo("Discovery");
        collectConsole();

        // Discovery is the trigger stage: the closing plan appears, dated by what the sample year taught.
        driver.findElement(By.linkText("Closing plan")).click();
        wait.until(browser -> {
            if (browser.findElements(By.cssSelector("#plan-steps tbody.step")).isEmpty()) {
                browser.navigate().refresh();
                return false;
            }
            return true;
        });
        assertThat(driver.findElements(By.cssSelector("#plan-steps tbody.step"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(driver.findElement(By.id("plan-steps")).getText())
                .as("durations learned from the sample plans").containsPattern("median of \\d+ deals");
        screenshot("plan.png");
        driver.executeScript("document.querySelector('svg.timeline').scrollIntoView()");
        screenshot("plan-timeline.png", false);
        collectConsole();
        driver.get(dealUrl);

        moveTo("Proposal");
        wait.until(ExpectedConditions.numberOfElementsToBe(historyRows, 3));
        assertThat(driver.findElements(historyRows).get(2).getText()).contains("Discovery → Proposal");
        screenshot("deal.png");
        collectConsole();

        // Closing as won, with a reason, in place too: no more moving or closing.
        driver.findElement(By.cssSelector("form[action$='/close'] input[name=outcome][value=WON]")).click();
        assertThat(driver.findElement(By.id("lost-reason")).isDisplayed()).as("only the won reasons are offered")
                .isFalse();
        new Select(driver.findElement(By.id("won-reason"))).selectByVisibleText("Best fit for their needs");
        driver.findElement(By.id("details")).sendKeys("Best fit for their approval process");
        driver.findElement(By.cssSelector("form[action$='/close'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#deal-body .head-actions .badge"), "Won"));
        wait.until(ExpectedConditions.numberOfElementsToBe(historyRows, 4));
        assertThat(driver.findElements(By.id("move-stage"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("form[action$='/stage']"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("form[action$='/close']"))).isEmpty();
        assertThat(driver.findElement(By.id("deal-stage")).getText()).isEqualTo("Won");
        assertThat(driver.findElement(By.cssSelector("#deal-body dl.facts")).getText())
                .contains("Best fit for their approval process").contains("Best fit for their needs");
        assertThat(driver.findElements(historyRows).get(3).getText()).contains("Proposal → Won");
        assertThat(driver.getCurrentUrl()).isEqualTo(dealUrl);
        assertThat(driver.findElement(By.id("request-failed")).isDisplayed()).isFalse();

        // After a reload the server still says so.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#deal-body .head-actions .badge"), "Won"));
        assertThat(driver.findElements(By.id("move-stage"))).isEmpty();
        collectConsole();

        assertThat(consoleErrors)
                .as("browser console errors (CSP violations, script errors, failed requests)")
                .extracting(LogEntry::toString)
                .isEmpty();
    }

    private void moveTo(String stage) {
        new Select(driver.findElement(By.id("move-stage"))).selectByVisibleText(stage);
        driver.findElement(By.cssSelector("form[action$='/stage'] button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("deal-stage"), stage));
    }

    private String url(String path) {
        return browser.url(path);
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private String statusBadge() {
        return driver.findElement(By.cssSelector("#deal-body .head-actions .badge")).getText();
    }

    /** Clicks a button that loads a new page, and waits until the old page is gone. */
    private void submit(By button) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        wait.until(driver -> isGone(html));
    }

    /**
     * Whether an element's page has been replaced. While a navigation is under way, ChromeDriver sometimes answers
     * "node does not belong to the document" instead of a stale-element error; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Keeps the console's errors; Chromium hands each entry out only once. */
    private void collectConsole() {
        consoleErrors.addAll(browser.consoleErrors());
    }

    private void screenshot(String name) throws IOException {
        screenshot(name, true);
    }

    private void screenshot(String name, boolean fromTheTop) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (fromTheTop) {
            driver.executeScript("window.scrollTo(0, 0)");
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
