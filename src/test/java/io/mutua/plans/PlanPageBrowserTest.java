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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan page in a real browser, where htmx does the work: a step's row turns into its edit form, a later
 * target date is previewed in place with the steps it moves, confirming applies it, and the status select saves on
 * change. The console must stay free of errors (the Content-Security-Policy forbids inline scripts and styles).
 */
@IntegrationTest
class PlanPageBrowserTest {


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
    @Autowired
    JdbcClient jdbc;

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
    void aRepMovesAStepSeesWhatMovesWithItConfirmsAndStartsAnother() {
        TestData.Seller rep = data.user("REP", data.team("Browser plans"));
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Browser plan " + TestData.unique(), "Account",
                Money.of("20000", "EUR"), rep.id(), LocalDate.now().plusMonths(4), null, null), "prospecting");
        PlanView plan = plans.generate(viewer, deal.id());
        StepView step = plan.steps().stream()
                .filter(candidate -> plan.steps().stream()
                        .anyMatch(other -> other.dependsOn().contains(candidate.id())))
                .findFirst().orElseThrow();
        List<StepView> dependents = plan.steps().stream().filter(other -> other.dependsOn().contains(step.id()))
                .toList();
        LocalDate later = weekday(step.targetDate().plusDays(14));

        signIn(rep);
        driver.get(url("/deals/" + deal.id() + "/plan"));
        String row = "#step-" + step.id();
        driver.findElement(By.cssSelector(row + " td.step-actions a.button")).click();
        WebElement date = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(row + " input[name=targetDate]")));
        driver.executeScript("arguments[0].value = arguments[1]", date, later.toString());
        driver.findElement(By.cssSelector(row + " .step-form button.primary")).click();

        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(row + " .cascade-preview")));
        assertThat(preview.getText()).contains("moves other steps", "plan end").containsPattern("Moves \\d+ step");
        assertThat(target(step.id())).as("nothing moves before the user confirms").isEqualTo(step.targetDate());

        driver.findElement(By.cssSelector(row + " .cascade-preview button.primary")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(row + " td.dates .target"),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US).format(later)));
        assertThat(target(step.id())).isEqualTo(later);
        assertThat(dependents).isNotEmpty().allSatisfy(dependent ->
                assertThat(target(dependent.id())).isAfter(dependent.targetDate()));

        StepView next = dependents.get(0);
        new Select(driver.findElement(By.id("status-" + next.id()))).selectByValue("IN_PROGRESS");
        wait.until(browser -> "IN_PROGRESS".equals(status(next.id())));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-activity"),
                "changed the status of"));

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private void signIn(TestData.Seller seller) {
        browser.signIn(seller.email(), TestData.PASSWORD);
        wait.until(ExpectedConditions.urlToBe(url("/deals")));
    }

    private LocalDate target(UUID stepId) {
        return jdbc.sql("select target_date from plan_step where id = :id").param("id", stepId)
                .query(LocalDate.class).single();
    }

    private String status(UUID stepId) {
        return jdbc.sql("select status from plan_step where id = :id").param("id", stepId).query(String.class)
                .single();
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate next = day;
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }

    private String url(String path) {
        return browser.url(path);
    }
}
