package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.mail.Mail;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Emails with a magic link wait in the mail outbox without it: the outbox holds a placeholder, the link is issued
 * when the email is delivered, so someone reading the database finds nothing that signs in — while the link in the
 * email the buyer receives works.
 */
@IntegrationTest
class LinkMailsOutboxIntegrationTest {

    /** Anything in the outbox that could be a token: long runs of the characters tokens are made of. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{40,60}");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Qualification qualification;
    @Autowired
    Participants participants;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    Viewer seller;
    String marker;
    PlanView plan;
    MutualPlanMaker maker;
    Inbox inbox;

    @BeforeEach
    void aMutualPlan() {
        seller = users.viewer(data.user("REP", data.team("Outbox links")).id());
        marker = MutualPlanMaker.marker();
        maker = new MutualPlanMaker(deals, plans, qualification);
        plan = maker.mutualPlan(seller, marker);
        inbox = new Inbox(mailServer);
    }

    @Test
    void anInvitationWaitsInTheOutboxWithoutALinkAndArrivesWithOneThatWorks() throws Exception {
        String buyer = "ivy-" + marker + "@buyer.example";
        ParticipantView ivy = participants.addBuyer(seller, plan.id(), "Ivy Invited", buyer, null, null);

        participants.invite(seller, plan.id(), ivy.id());

        MimeMessage invitation = inbox.await(buyer, 1);
        assertNothingInTheOutboxSignsIn(buyer);
        String link = BuyerClient.linkIn(Inbox.body(invitation));
        BuyerClient browser = new BuyerClient(mvc);
        assertThat(browser.signInWith(link).getRedirectedUrl()).isEqualTo("/b/plans/" + plan.id());
    }

    @Test
    void aRequestedSignInLinkIsIssuedOnlyWhenItIsSent() throws Exception {
        String buyer = "sam-" + marker + "@buyer.example";
        participants.addBuyer(seller, plan.id(), "Sam Signin", buyer, null, null);
        BuyerClient browser = new BuyerClient(mvc);
        browser.get("/b/request-link");

        browser.post("/b/request-link", "email", buyer);

        MimeMessage mail = inbox.await(buyer, 1);
        assertNothingInTheOutboxSignsIn(buyer);
        assertThat(browser.signInWith(BuyerClient.linkIn(Inbox.body(mail))).getRedirectedUrl())
                .isEqualTo("/b/plans/" + plan.id());
    }

    @Test
    void aJoinLinkIsIssuedOnlyWhenItIsSentAndStillLetsTheBuyerJoin() throws Exception {
        String domain = "outbox-" + marker + ".example";
        maker.describe(seller, plan, "en", domain);
        String joiner = "jo-" + marker + "@" + domain;
        BuyerClient browser = new BuyerClient(mvc);
        browser.get("/b/join/" + plan.id());

        browser.post("/b/join/" + plan.id(), "email", joiner);

        MimeMessage mail = inbox.await(joiner, 1);
        assertThat(jdbc.sql("select link_purpose from mail_outbox where recipient = :to").param("to", joiner)
                .query(String.class).single()).isEqualTo("JOIN");
        assertNothingInTheOutboxSignsIn(joiner);
        BuyerClient joined = new BuyerClient(mvc);
        assertThat(joined.signInWith(BuyerClient.linkIn(Inbox.body(mail))).getRedirectedUrl())
                .isEqualTo("/b/plans/" + plan.id());
        assertThat(participants.list(seller, plan.id())).anyMatch(p -> p.email().equalsIgnoreCase(joiner));
    }

    /** The outbox row holds the placeholder, nothing token-like, and no candidate in it opens a session. */
    private void assertNothingInTheOutboxSignsIn(String recipient) throws Exception {
        List<String> stored = jdbc.sql("select concat_ws(' ', subject, text_body, html_body, headers::text) "
                        + "from mail_outbox where recipient = :to")
                .param("to", recipient).query(String.class).list();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).contains(Mail.LINK).doesNotContain("token=");
        Matcher candidates = TOKEN_LIKE.matcher(stored.get(0));
        while (candidates.find()) {
            BuyerClient thief = new BuyerClient(mvc);
            assertThat(thief.signInWith("/b/sign-in?token=" + candidates.group()).getRedirectedUrl())
                    .isNotEqualTo("/b/plans/" + plan.id());
        }
    }
}
