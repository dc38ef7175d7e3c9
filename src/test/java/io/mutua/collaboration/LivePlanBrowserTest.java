package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.plans.StepView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two real browsers on one mutual action plan: what the buyer does appears on the seller's page without a reload,
 * and what the seller keeps internal never appears on the buyer's page, even as the buyer's page follows the
 * seller's shared changes live.
 */
@IntegrationTest
class LivePlanBrowserTest {

    private static final String NOT_RELOADED = "data-not-reloaded";

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
    void theBuyerCompletesAStepAndTheSellerSeesItLiveWhileTheSellersInternalStepNeverReachesTheBuyer() {
        seller = Browser.start(port);
        buyer = Browser.start(port);
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        StepView shared = fixture.sharedStep();
        String stepRow = "step-" + shared.id();

        seller.signIn(fixture.rep().email(), TestData.PASSWORD);
        seller.driver().get(seller.url(fixture.sellerPage()));
        waitUntilLive(seller);
        markPage(seller);

        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        String link = BuyerClient.linkIn(Inbox.body(new Inbox(mailServer).await(fixture.mainContact().email(), 1)));
        buyer.driver().get(buyer.url(link));
        buyer.driver().findElement(By.xpath("//button[normalize-space()='Open the plan']")).click();
        buyer.waiting().until(ExpectedConditions.urlContains(fixture.buyerPath()));
        waitUntilLive(buyer);
        markPage(buyer);

        // The buyer completes a shared step; the seller's row changes by itself.
        new Select(buyer.driver().findElement(By.id("status-" + shared.id()))).selectByValue("DONE");
        seller.waiting().withMessage("the seller's page shows the buyer's change without a reload")
                .until(ExpectedConditions.attributeContains(By.id(stepRow), "class", "status-done"));
        assertThat(stillTheSamePage(seller)).as("the seller's page was not reloaded").isTrue();

        // The seller adds an internal step, then a shared one; the buyer's page follows only the shared one.
        addStep(seller, fixture, "Internal pricing review", "INTERNAL");
        addStep(seller, fixture, "Joint kickoff call", "SHARED");
        buyer.waiting().withMessage("the buyer's page shows the seller's shared step without a reload")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-body"), "Joint kickoff call"));
        assertThat(buyer.driver().getPageSource()).doesNotContain("Internal pricing review");
        assertThat(stillTheSamePage(buyer)).as("the buyer's page was not reloaded").isTrue();
        assertThat(seller.driver().findElement(By.id("plan-body")).getText()).contains("Internal pricing review");

        assertThat(seller.consoleErrors()).isEmpty();
        assertThat(buyer.consoleErrors()).isEmpty();
    }

    private static void waitUntilLive(Browser browser) {
        browser.waiting().withMessage("the page connects for live updates")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[sse-connect][data-live=open]")));
    }

    /** Marks the document; a reload would lose the mark. */
    private static void markPage(Browser browser) {
        browser.driver().executeScript("document.documentElement.setAttribute('" + NOT_RELOADED + "', '')");
    }

    private static boolean stillTheSamePage(Browser browser) {
        return browser.driver().findElement(By.tagName("html")).getAttribute(NOT_RELOADED) != null;
    }

    private static void addStep(Browser seller, MutualPlanFixtures.Fixture fixture, String title, String visibility) {
        String milestone = fixture.plan().milestones().get(0).id().toString();
        WebElement form = seller.driver().findElement(By.xpath(
                "//form[input[@name='milestoneId' and @value='" + milestone + "']]"));
        WebElement details = form.findElement(By.xpath("./ancestor::details[1]"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        form.findElement(By.name("title")).sendKeys(title);
        new Select(form.findElement(By.name("visibility"))).selectByValue(visibility);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        seller.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-body"), title));
    }
}
