package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From qualification to a mutual action plan in a real browser: MEDDPICC elements are confirmed in place on the
 * deal page (htmx), the plan is converted, and a buyer-facing section is written and shown as Markdown — with a
 * console free of errors under the Content-Security-Policy.
 */
@IntegrationTest
class MutualPlanBrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;

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
    void aRepQualifiesTheDealConvertsThePlanAndWritesASectionForTheBuyer() throws IOException {
        TestData.Seller rep = data.user("REP", data.team("Browser MAP"));
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Browser MAP " + TestData.unique(), "Northwind",
                Money.of("90000", "EUR"), rep.id(), LocalDate.now().plusMonths(4), null, null), "prospecting");
        plans.generate(viewer, deal.id());
        browser.signIn(rep.email(), TestData.PASSWORD);

        driver.get(browser.url("/deals/" + deal.id()));
        String dealUrl = driver.getCurrentUrl();
        confirm("champion", "Maria Pappa");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qualification-missing"),
                "One required element is still to confirm"));
        confirm("economic_buyer", "Nikos Georgiou");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qualification-missing"),
                "Everything required is confirmed"));
        assertThat(driver.getCurrentUrl()).as("htmx saved in place").isEqualTo(dealUrl);
        assertThat(driver.findElement(By.id("qualification-champion")).getText())
                .contains("Confirmed", "Maria Pappa", "Changed by " + rep.name());
        driver.executeScript("document.getElementById('qualification').scrollIntoView()");
        screenshot("qualification.png");

        driver.get(browser.url("/deals/" + deal.id() + "/plan"));
        WebElement convert = driver.findElement(By.cssSelector("#plan-mutual .convert-form button"));
        assertThat(convert.isEnabled()).isTrue();
        screenshot("plan-share.png");
        convert.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan-mutual .map-badge"),
                "Mutual action plan"));
        assertThat(driver.findElement(By.id("map-converted")).getText()).contains("Converted by " + rep.name());

        driver.findElement(By.cssSelector("#section-problems .edit-section > summary")).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("section-problems-content")));
        text.sendKeys("Onboarding takes **30 days**; the goal is 10.");
        driver.findElement(By.cssSelector("#section-problems .section-form button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#section-problems .markdown strong"), "30 days"));
        assertThat(driver.findElement(By.cssSelector("#section-problems .edit-section")).getAttribute("open"))
                .as("the saved section closes its form").isNull();
        driver.executeScript("document.getElementById('plan-mutual').scrollIntoView()");
        screenshot("plan-mutual.png");

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** Opens an element's form in place, confirms it with a contact, and saves. */
    private void confirm(String element, String contact) {
        String id = "#qualification-" + element;
        driver.findElement(By.cssSelector(id + " .element-head a.button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(id + " form")));
        driver.findElement(By.cssSelector(id + " input[name=status][value=CONFIRMED]")).click();
        driver.findElement(By.cssSelector(id + " input[name=contactName]")).sendKeys(contact);
        driver.findElement(By.cssSelector(id + " form button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(id + " .markers"),
                "Confirmed"));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
