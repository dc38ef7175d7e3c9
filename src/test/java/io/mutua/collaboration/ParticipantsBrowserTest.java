package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.Users;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real browsers: the seller's people panel loads into the plan page, a buyer contact is added and invited with
 * htmx, the buyer opens the emailed link and finds the plan in their portal, and when the seller ends their access
 * the plan is gone from it. The seller's console stays free of errors (strict Content-Security-Policy).
 */
@IntegrationTest
class ParticipantsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Qualification qualification;
    @Autowired
    Users users;
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
    void aRepInvitesABuyerWhoOpensThePlanFromTheEmailUntilTheRepEndsTheirAccess() {
        seller = Browser.start(port);
        TestData.Seller rep = data.user("REP", data.team("Browser people"));
        String marker = MutualPlanMaker.marker();
        PlanView plan = new MutualPlanMaker(deals, plans, qualification).mutualPlan(users.viewer(rep.id()), marker);
        String email = "bea-" + marker + "@buyer.example";
        ChromeDriver driver = seller.driver();

        seller.signIn(rep.email(), TestData.PASSWORD);
        driver.get(seller.url("/deals/" + plan.dealId() + "/plan"));
        seller.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#participants table")));
        assertThat(driver.findElement(By.id("participants")).getText()).contains(rep.name(), "Main contact");

        driver.findElement(By.xpath("//summary[normalize-space()='Add a buyer contact']")).click();
        driver.findElement(By.id("buyer-name")).sendKeys("Bea Buyer");
        driver.findElement(By.id("buyer-email")).sendKeys(email);
        driver.findElement(By.id("buyer-title")).sendKeys("Procurement lead");
        new Select(driver.findElement(By.id("buyer-role"))).selectByVisibleText("Procurement");
        driver.findElement(By.cssSelector("form[action$='/participants/buyers'] button[type=submit]")).click();
        seller.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"),
                "Not invited yet"));
        WebElement row = rowOf(driver, "Bea Buyer");
        assertThat(row.getText()).contains("Procurement lead", "Never opened");

        row.findElement(By.xpath(".//button[normalize-space()='Send invitation']")).click();
        seller.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"),
                "The invitation is on its way to Bea Buyer."));

        buyer = Browser.start(port);
        String link = BuyerClient.linkIn(Inbox.body(new Inbox(mailServer).await(email, 1)));
        buyer.driver().get(buyer.url(link));
        buyer.driver().findElement(By.xpath("//button[normalize-space()='Open the plan']")).click();
        buyer.waiting().withMessage(() -> buyer.driver().getCurrentUrl() + "\n" + buyer.driver().getPageSource())
                .until(ExpectedConditions.urlContains("/b/plans/" + plan.id()));
        buyer.driver().get(buyer.url("/b"));
        assertThat(buyer.driver().findElement(By.tagName("main")).getText()).contains("Account " + marker)
                .doesNotContain("Deal " + marker);

        rowOf(driver, "Bea Buyer").findElement(By.xpath(".//button[normalize-space()='End access']")).click();
        seller.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        seller.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"),
                "Access ended"));
        assertThat(seller.consoleErrors()).isEmpty();

        buyer.driver().get(buyer.url("/b"));
        assertThat(buyer.driver().findElement(By.tagName("main")).getText())
                .contains("You do not take part in any mutual action plan at the moment.")
                .doesNotContain("Account " + marker);
    }

    private static WebElement rowOf(ChromeDriver driver, String name) {
        return driver.findElement(By.xpath("//section[@id='participants']//tr[.//strong[normalize-space()='" + name
                + "']]"));
    }
}
