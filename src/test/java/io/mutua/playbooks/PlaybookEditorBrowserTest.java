package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import java.util.List;
import java.util.UUID;
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
 * The playbook editor in a real browser, where htmx does its work: a step edited in place, the page's version
 * fields kept current so that the next change is not refused, the key suggested while the title is typed, and a
 * delete confirmed in the browser's dialog. The console stays free of errors under the strict CSP.
 */
@IntegrationTest
class PlaybookEditorBrowserTest {


    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Playbooks playbooks;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private UUID id;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port);
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void quitBrowserAndArchive() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (id != null) {
                playbooks.archive(id, playbooks.get(id).version(), true);
            }
        }
    }

    @Test
    void anAdminEditsAStepInPlaceAddsAMilestoneAndAStepAndDeletesIt() {
        TestData.Seller admin = data.user("ADMIN", null);
        String marker = TestData.unique();
        id = playbooks.create(new PlaybookSettings("Browser " + marker, null, "Test-" + marker, null, null, 100,
                false), content(), admin.id()).id();
        signIn(admin);
        driver.get(url("/admin/playbooks/" + id));

        // Edit a step in place: the row becomes a form, and saving turns it back into the row.
        driver.findElement(By.cssSelector("#step-demo .row-actions a")).click();
        WebElement title = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-demo-title")));
        title.clear();
        title.sendKeys("Demo with their data");
        driver.findElement(By.cssSelector("#step-demo button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#step-demo:not(.editing)")));
        assertThat(driver.findElement(By.id("step-demo")).getText()).contains("Demo with their data");
        assertThat(stepTitle("demo")).isEqualTo("Demo with their data");

        // Every form on the page now carries the new version, so the next change goes through.
        String version = Long.toString(playbooks.get(id).version());
        assertThat(driver.findElements(By.cssSelector("input.playbook-version")))
                .isNotEmpty().allSatisfy(input -> assertThat(input.getDomProperty("value")).isEqualTo(version));
        driver.findElement(By.id("new-milestone-title")).sendKeys("Security and legal");
        driver.findElement(By.cssSelector("form.add-milestone button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-2")));
        assertThat(playbooks.get(id).content().milestones()).extracting(MilestoneTemplate::title)
                .containsExactly("Discovery", "Evaluation", "Security and legal");

        // The key is suggested from the title while it is typed; left empty, the suggestion is used.
        driver.findElement(By.cssSelector("#milestone-2 .add-step summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-2-title"))).sendKeys("Security review");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-2-key-hint"), "security-review"));
        driver.findElement(By.cssSelector("#milestone-2 .add-step button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-security-review")));
        assertThat(stepTitle("security-review")).isEqualTo("Security review");

        // Deleting asks first, in the browser's own dialog.
        driver.findElement(By.cssSelector("#step-security-review form button.danger")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("step-security-review")));
        assertThat(playbooks.get(id).content().steps()).extracting(StepTemplate::key)
                .containsExactly("discovery-call", "demo");

        // The settings form learnt every new version along the way: saving it now is no conflict.
        driver.findElement(By.cssSelector(".settings-panel summary")).click();
        WebElement priority = wait.until(ExpectedConditions.elementToBeClickable(By.id("priority")));
        priority.clear();
        priority.sendKeys("77");
        driver.findElement(By.cssSelector(".settings-panel button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Saved."));
        assertThat(playbooks.get(id).settings().priority()).isEqualTo(77);

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private static PlaybookContent content() {
        return new PlaybookContent(List.of(
                new MilestoneTemplate("Discovery", List.of(new StepTemplate("discovery-call", "Discovery call", "",
                        Side.SELLER, OwnerRole.ACCOUNT_EXECUTIVE, Visibility.SHARED, "discovery", 2, List.of()))),
                new MilestoneTemplate("Evaluation", List.of(new StepTemplate("demo", "Tailored demo", "Show it",
                        Side.SELLER, OwnerRole.SOLUTIONS_ENGINEER, Visibility.SHARED, "solution", 3,
                        List.of("discovery-call"))))));
    }

    private String stepTitle(String key) {
        return playbooks.get(id).content().steps().stream().filter(step -> step.key().equals(key))
                .map(StepTemplate::title).findFirst().orElse(null);
    }

    private void signIn(TestData.Seller seller) {
        browser.signIn(seller.email(), TestData.PASSWORD);
    }

    private String url(String path) {
        return browser.url(path);
    }
}
