package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story in real browsers: a rep closes the deal as won on the deal page; the CS user of the team gets
 * the email, finds the deal in Handoffs and starts the onboarding plan; the buyer, signed in earlier with their
 * magic link, finds the onboarding plan in their portal and opens it — no new link needed.
 */
@IntegrationTest
class OnboardingHandoffBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    GreenMail mailServer;

    private Browser rep;
    private Browser cs;
    private Browser buyer;

    @AfterEach
    void quitBrowsers() {
        for (Browser browser : new Browser[] {rep, cs, buyer}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void closeWonThenCsStartsTheOnboardingPlanAndTheBuyerSeesItOnTheSameLink() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        TestData.Seller customerSuccess = data.user("CS", fixture.teamId());
        Inbox inbox = new Inbox(mailServer);

        // The buyer signed in earlier with the magic link of their invitation.
        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        buyer = Browser.start(port);
        buyer.driver().get(buyer.url(BuyerClient.linkIn(Inbox.body(inbox.await(fixture.mainContact().email(), 1)))));
        buyer.driver().findElement(By.xpath("//button[normalize-space()='Open the plan']")).click();
        buyer.waiting().until(ExpectedConditions.urlContains(fixture.buyerPath()));

        // The rep closes the deal as won on the deal page.
        rep = Browser.start(port);
        rep.signIn(fixture.rep().email(), TestData.PASSWORD);
        rep.driver().get(rep.url("/deals/" + fixture.deal().id()));
        rep.driver().findElement(By.cssSelector("input[name=outcome][value=WON]")).click();
        new Select(rep.driver().findElement(By.id("won-reason"))).selectByVisibleText("Best fit for their needs");
        rep.driver().findElement(By.cssSelector("form[action$='/close'] button[type=submit]")).click();
        rep.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".badge.status-won")));

        // Customer success is told by email and finds the deal in Handoffs.
        String mail = Inbox.body(inbox.await(customerSuccess.email(), 1));
        assertThat(mail).contains(fixture.deal().name(), "/handoffs/");
        cs = Browser.start(port);
        cs.signIn(customerSuccess.email(), TestData.PASSWORD);
        ChromeDriver driver = cs.driver();
        driver.get(cs.url("/"));
        driver.findElement(By.linkText("Handoffs")).click();
        cs.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText(fixture.deal().name())));
        driver.findElement(By.linkText(fixture.deal().name())).click();
        cs.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("start-onboarding")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Chloe Champion", "Eric Economic",
                "Commitments made", fixture.sharedStep().title());

        driver.findElement(By.id("start-onboarding")).click();
        cs.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("onboarding-plan-link")));
        String planHref = driver.findElement(By.id("onboarding-plan-link")).getAttribute("href");
        UUID onboardingPlan = UUID.fromString(planHref.substring(planHref.lastIndexOf('/') + 1));
        driver.findElement(By.id("onboarding-plan-link")).click();
        cs.waiting().until(ExpectedConditions.urlContains("/plans/" + onboardingPlan));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kickoff meeting with the customer team");
        assertThat(cs.consoleErrors()).isEmpty();

        // The buyer, on the session of the link they already used, finds the onboarding plan and opens it.
        WebDriver buyerDriver = buyer.driver();
        buyerDriver.get(buyer.url("/b"));
        By onboardingLink = By.cssSelector("#plan-" + onboardingPlan + " h2 a");
        buyer.waiting().until(ExpectedConditions.presenceOfElementLocated(onboardingLink));
        assertThat(buyerDriver.findElement(By.id("plan-" + onboardingPlan)).getText())
                .containsIgnoringCase("Onboarding plan");
        buyerDriver.findElement(onboardingLink).click();
        buyer.waiting().until(ExpectedConditions.urlContains("/b/plans/" + onboardingPlan));
        assertThat(buyerDriver.findElement(By.tagName("main")).getText())
                .contains("Kickoff meeting with the customer team")
                .doesNotContain("Review the handoff notes with the account executive");
    }
}
