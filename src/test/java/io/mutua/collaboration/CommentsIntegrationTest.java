package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures.Fixture;
import io.mutua.collaboration.MutualPlanFixtures.Internal;
import io.mutua.identity.SignIn;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.StepView;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Comments on mutual action plans from both sides: who reads what, Markdown made safe, and @mentions by email. */
@IntegrationTest
class CommentsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    TestData data;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;

    Fixture fixture;
    String buyer;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        buyer = fixture.mainContact().email();
    }

    @Test
    void aBuyerCommentsOnAStepAndTheSellerReadsItWithTheBuyerAsAuthor() throws Exception {
        StepView step = fixture.sharedStep();

        String panel = mvc.perform(asBuyer(post(fixture.buyerPath() + "/comments"))
                        .param("body", "Can we **move** the demo?").param("stepId", step.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(panel).startsWith("<section id=\"comments\"").contains("Your comment was posted.",
                "Can we <strong>move</strong> the demo?", "on “" + step.title() + "”", "Chloe Champion")
                .doesNotContain("name=\"internal\"");
        String seller = mvc.perform(asSeller(get(fixture.sellerPath() + "/comments")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(seller).contains("Can we <strong>move</strong> the demo?", "Chloe Champion",
                "<span class=\"badge side-buyer\">Buyer</span>", "name=\"internal\"");
        mvc.perform(asBuyer(post(fixture.buyerPath() + "/comments")).param("body", "And about the plan"))
                .andExpect(status().isOk());
        String page = sellerPage();
        String activity = page.substring(page.indexOf("id=\"plan-activity\""));
        assertThat(activity).contains("Chloe Champion", "commented on “" + step.title() + "”",
                "commented on “Account " + fixture.tag() + "”");
    }

    @Test
    void internalCommentsAndCommentsOnInternalStepsNeverReachBuyers() throws Exception {
        Internal internal = fixtures.seedInternal(fixture);

        String seller = mvc.perform(asSeller(post(fixture.sellerPath() + "/comments"))
                        .param("body", "Discount ceiling " + internal.secret()).param("internal", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(asSeller(post(fixture.sellerPath() + "/comments")).param("body", "About " + internal.secret())
                        .param("stepId", internal.step().id().toString()))
                .andExpect(status().isOk());
        mvc.perform(asSeller(post(fixture.sellerPath() + "/comments")).param("body", "Welcome " + fixture.tag()))
                .andExpect(status().isOk());

        assertThat(seller).contains("Discount ceiling " + internal.secret(),
                "<span class=\"badge visibility-internal\">Internal</span>");
        assertThat(jdbc.sql("select count(*) from comment where plan_id = :plan and body = :body and internal")
                .param("plan", fixture.planId()).param("body", "About " + internal.secret())
                .query(Integer.class).single()).isOne();
        for (String response : List.of(
                mvc.perform(asBuyer(get(fixture.buyerPath() + "/comments"))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(),
                mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(buyer))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString())) {
            assertThat(response).contains("Welcome " + fixture.tag()).doesNotContain(internal.secret());
        }
    }

    @Test
    void commentsAreMarkdownWithoutAnythingThatCouldRunInTheBrowser() throws Exception {
        String attack = "Note <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)> "
                + "<a href=\"#\" onclick=\"steal()\">here</a> **fine**";

        String buyerPanel = mvc.perform(asBuyer(post(fixture.buyerPath() + "/comments")).param("body", attack))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String sellerPanel = mvc.perform(asSeller(get(fixture.sellerPath() + "/comments")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String panel : List.of(buyerPanel, sellerPanel)) {
            Element comment = Jsoup.parseBodyFragment(panel).selectFirst(".comment-body");
            assertThat(comment).isNotNull();
            assertThat(comment.select("script, img, [onerror], [onclick], [href^=javascript], [src]")).isEmpty();
            assertThat(comment.select("strong").text()).isEqualTo("fine");
            assertThat(comment.text()).as("what was typed is shown as text")
                    .contains("<script>alert('x')</script>", "<img src=x onerror=alert(2)>");
        }
    }

    @Test
    void aMentionedBuyerIsEmailedInThePlansLanguageWithTheirLinkAndTheMentionIsMarked() throws Exception {
        plans.describe(fixture.viewer(), fixture.planId(), new PlanDetails("el", null, null, null),
                fixture.plan().version());
        StepView step = fixture.sharedStep();

        String panel = mvc.perform(asSeller(post(fixture.sellerPath() + "/comments"))
                        .param("body", "@eric economic please check the **numbers**")
                        .param("stepId", step.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(panel).contains("<span class=\"mention\">@eric economic</span> please check the");
        MimeMessage mail = awaitMailTo(fixture.colleague().email());
        String body = Inbox.text(mail);
        assertThat(mail.getSubject()).contains("σας ανέφερε", "Account " + fixture.tag());
        assertThat(body).contains("Γεια σας Eric Economic", "@eric economic please check the **numbers**",
                "Βήμα: " + step.title(), "http://localhost:8080/b/sign-in?token=")
                .doesNotContain(fixture.deal().name(), "/deals/");
        assertThat(Inbox.html(mail)).contains("Γεια σας Eric Economic", "http://localhost:8080/b/sign-in?token=");
        assertThat(mailsTo(buyer)).as("only who is mentioned").isEmpty();
    }

    @Test
    void anInternalCommentEmailsTheMentionedSellersButNeverTheMentionedBuyers() throws Exception {
        TestData.Seller sam = data.user("REP", fixture.teamId());
        participants.addSeller(fixture.viewer(), fixture.planId(), sam.id(), "Solutions engineer");
        String secret = "SECRET" + TestData.unique();

        mvc.perform(asSeller(post(fixture.sellerPath() + "/comments"))
                        .param("body", "@Chloe Champion and @" + sam.name() + ": ceiling " + secret)
                        .param("internal", "true"))
                .andExpect(status().isOk());

        MimeMessage toSam = awaitMailTo(sam.email());
        assertThat(Inbox.text(toSam)).contains("ceiling " + secret,
                "http://localhost:8080/deals/" + fixture.deal().id() + "/plan");
        assertThat(toSam.getSubject()).contains("mentioned you", "Account " + fixture.tag());
        assertThat(jdbc.sql("select count(*) from notification where plan_id = :plan and recipient_email = :email "
                        + "and kind = 'MENTIONED'").param("plan", fixture.planId()).param("email", sam.email())
                .query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from notification where plan_id = :plan and recipient_participant_id "
                        + "is not null and kind in ('MENTIONED', 'COMMENTED')").param("plan", fixture.planId()).query(Integer.class).single())
                .as("buyers are never told about an internal comment").isZero();
        assertThat(mailsTo(buyer)).isEmpty();
    }

    @Test
    void aBuyerMentionsTheAccountExecutiveByEmailAddressAndNotThemselves() throws Exception {
        mvc.perform(asBuyer(post(fixture.buyerPath() + "/comments"))
                        .param("body", "Thanks @" + fixture.accountExecutive().email() + " (cc @Chloe Champion)"))
                .andExpect(status().isOk());

        MimeMessage mail = awaitMailTo(fixture.accountExecutive().email());
        assertThat(mail.getSubject()).startsWith("Account " + fixture.tag() + " · Chloe Champion mentioned you");
        assertThat(Inbox.text(mail)).contains("Thanks @" + fixture.accountExecutive().email(),
                "http://localhost:8080/deals/" + fixture.deal().id() + "/plan");
        assertThat(mailsTo(buyer)).isEmpty();
    }

    @Test
    void theSellerPlanPageLoadsTheDiscussionWhichAlsoWorksWithoutJavaScript() throws Exception {
        assertThat(sellerPage()).contains("<section id=\"discussion\" class=\"discussion\" hx-get=\"/plans/"
                + fixture.planId() + "/comments\" hx-trigger=\"load\">");

        String discussion = mvc.perform(asSeller(get(fixture.sellerPath() + "/comments"))
                        .header("HX-Target", "discussion"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(discussion).contains("<section id=\"comments\"", "<section id=\"attachments\"");
        String comments = mvc.perform(asSeller(get(fixture.sellerPath() + "/comments")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(comments).contains("<section id=\"comments\"").doesNotContain("<section id=\"attachments\"");

        String page = mvc.perform(get(fixture.sellerPath() + "/comments").with(SignIn.as(fixture.rep())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<!DOCTYPE html>", "<section id=\"comments\"", "<section id=\"attachments\"",
                "href=\"" + fixture.sellerPage() + "\"");
        mvc.perform(post(fixture.sellerPath() + "/comments").with(SignIn.as(fixture.rep())).with(csrf())
                        .param("body", "Plain " + fixture.tag()))
                .andExpect(redirectedUrl(fixture.sellerPage() + "#discussion"));
        mvc.perform(post(fixture.buyerPath() + "/comments").with(BuyerSessions.as(buyer)).with(csrf())
                        .param("body", "Plain buyer " + fixture.tag()))
                .andExpect(redirectedUrl(fixture.buyerPath() + "#comments"));
    }

    @Test
    void anEmptyCommentIsExplainedAndOnlyThoseWhoMayChangeTheDealComment() throws Exception {
        String refused = mvc.perform(asBuyer(post(fixture.buyerPath() + "/comments")).param("body", "  "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("This field is required.");

        TestData.Seller teammate = data.user("REP", fixture.teamId());
        String readOnly = mvc.perform(get(fixture.sellerPath() + "/comments").with(SignIn.as(teammate))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(readOnly).contains("<section id=\"comments\"").doesNotContain("<textarea");
        mvc.perform(post(fixture.sellerPath() + "/comments").with(SignIn.as(teammate)).with(csrf())
                        .header("HX-Request", "true").param("body", "Mine"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from comment where plan_id = :plan").param("plan", fixture.planId())
                .query(Integer.class).single()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder asBuyer(MockHttpServletRequestBuilder request) {
        return request.with(BuyerSessions.as(buyer)).with(csrf()).header("HX-Request", "true");
    }

    private MockHttpServletRequestBuilder asSeller(MockHttpServletRequestBuilder request) {
        return request.with(SignIn.as(fixture.rep())).with(csrf()).header("HX-Request", "true");
    }

    private String sellerPage() throws Exception {
        return mvc.perform(get(fixture.sellerPage()).with(SignIn.as(fixture.rep())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MimeMessage awaitMailTo(String email) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email), list -> !list.isEmpty())
                .get(0);
    }

    private List<MimeMessage> mailsTo(String email) {
        return new Inbox(mailServer).of(email);
    }
}
