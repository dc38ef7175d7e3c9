package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.plans.StepView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two real browsers sign one mutual action plan: the seller signer on the seller's page, the buyer's main contact on
 * the buyer's page; both pages show the plan SIGNED. Then the seller moves a shared step's date and both pages show
 * the signatures outdated and what changed — live, without a reload.
 */
@IntegrationTest
class SigningBrowserTest {

    private static final String NOT_RELOADED = "data-not-reloaded";
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    GreenMail mailServer;

    private Browser seller;
    private Browser buyer;

    @AfterEach
    void quitBrowsers() {
        if (seller != null) {
            seller.close();
        }
        if (buyer != null) {
            buyer.close();
        }
    }

    @Test
    void bothSidesSignFromTheirPagesAndASharedDateChangeOutdatesTheSignaturesOnBothPages() throws IOException {
        seller = Browser.start(port);
        buyer = Browser.start(port);
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();

        seller.signIn(fixture.rep().email(), TestData.PASSWORD);
        seller.driver().get(seller.url(fixture.sellerPage()));
        sign(seller, fixture.rep().name(), "Account Executive");

        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        String link = BuyerClient.linkIn(Inbox.body(new Inbox(mailServer).await(fixture.mainContact().email(), 1)));
        buyer.driver().get(buyer.url(link));
        buyer.driver().findElement(By.xpath("//button[normalize-space()='Open the plan']")).click();
        buyer.waiting().until(ExpectedConditions.urlContains(fixture.buyerPath()));
        sign(buyer, "chloe champion", null);

        for (Browser browser : new Browser[] {buyer, seller}) {
            browser.waiting().withMessage("the plan shows SIGNED")
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-status.plan-status-signed")));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signing-state"),
                    "Signed by both sides"));
            waitUntilLive(browser);
            markPage(browser);
        }

        moveDate(seller, fixture.sharedStep());

        for (Browser browser : new Browser[] {seller, buyer}) {
            browser.waiting().withMessage("the signatures show outdated without a reload")
                    .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.signature-outdated"), 2));
            assertThat(browser.driver().findElement(By.id("resigning-requested")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("since-signed")).getText()).contains("Date moved");
            assertThat(browser.driver().findElement(By.id("plan-status")).getAttribute("class"))
                    .contains("plan-status-active");
            assertThat(stillTheSamePage(browser)).as("the page was not reloaded").isTrue();
        }
        assertThat(buyer.driver().findElement(By.id("sign-form")).isDisplayed()).as("asked to sign again").isTrue();
        screenshot(seller, "signatures-outdated.png");
        assertThat(seller.consoleErrors()).isEmpty();
        assertThat(buyer.consoleErrors()).isEmpty();
    }

    /** The signatures panel as its reader sees it, for the README. */
    private static void screenshot(Browser browser, String name) throws IOException {
        WebElement panel = browser.driver().findElement(By.cssSelector("section.signatures"));
        browser.driver().executeScript("arguments[0].scrollIntoView()", panel);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    /** Types the name (and title, when given), confirms and signs in the signatures panel. */
    private static void sign(Browser browser, String name, String title) {
        WebElement form = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-form")));
        form.findElement(By.id("sign-name")).sendKeys(name);
        if (title != null) {
            form.findElement(By.id("sign-title")).clear();
            form.findElement(By.id("sign-title")).sendKeys(title);
        }
        form.findElement(By.id("sign-confirm")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().withMessage("the signature is recorded")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-by-me")));
    }

    /** The seller edits the step's target date in its row, confirming the cascade when one is previewed. */
    private static void moveDate(Browser seller, StepView step) {
        String row = "#step-" + step.id();
        LocalDate later = step.targetDate().plusDays(14);
        while (later.getDayOfWeek() == DayOfWeek.SATURDAY || later.getDayOfWeek() == DayOfWeek.SUNDAY) {
            later = later.plusDays(1);
        }
        seller.driver().findElement(By.cssSelector(row + " td.step-actions a.button")).click();
        WebElement date = seller.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(row + " input[name=targetDate]")));
        seller.driver().executeScript("arguments[0].value = arguments[1]", date, later.toString());
        seller.driver().findElement(By.cssSelector(row + " .step-form button.primary")).click();
        seller.waiting().until(driver -> !driver.findElements(By.cssSelector(row + " .cascade-preview button.primary"))
                .isEmpty() || driver.findElements(By.cssSelector(row + " .step-form")).isEmpty());
        seller.driver().findElements(By.cssSelector(row + " .cascade-preview button.primary"))
                .forEach(WebElement::click);
    }

    private static void waitUntilLive(Browser browser) {
        browser.waiting().withMessage("the page connects for live updates")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[sse-connect][data-live=open]")));
    }

    private static void markPage(Browser browser) {
        browser.driver().executeScript("document.documentElement.setAttribute('" + NOT_RELOADED + "', '')");
    }

    private static boolean stillTheSamePage(Browser browser) {
        return browser.driver().findElement(By.tagName("html")).getAttribute(NOT_RELOADED) != null;
    }
}
