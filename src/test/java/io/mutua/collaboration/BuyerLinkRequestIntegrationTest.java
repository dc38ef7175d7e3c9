package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Asking for a fresh link and joining a plan by email domain: the answer never tells whether an address is known
 * or allowed, mail goes only where it should, the rate limit stops mails but not the answer, and a join link makes
 * the email a participant.
 */
@IntegrationTest
class BuyerLinkRequestIntegrationTest {

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
    String known;

    @BeforeEach
    void aBuyerOnAPlan() {
        seller = users.viewer(data.user("REP", data.team("Link requests")).id());
        marker = MutualPlanMaker.marker();
        maker = new MutualPlanMaker(deals, plans, qualification);
        plan = maker.mutualPlan(seller, marker);
        inbox = new Inbox(mailServer);
        known = "kim-" + marker + "@buyer.example";
        participants.addBuyer(seller, plan.id(), "Kim Known", known, null, null);
    }

    @Test
    void askingForALinkAnswersTheSameForKnownAndUnknownAddressesAndMailsOnlyTheKnown() throws Exception {
        String unknown = "nobody-" + marker + "@buyer.example";
        MockHttpServletResponse forKnown = ask(new BuyerClient(mvc), known);
        MockHttpServletResponse forUnknown = ask(new BuyerClient(mvc), unknown);

        assertThat(forKnown.getStatus()).isEqualTo(302);
        assertThat(forKnown.getRedirectedUrl()).isEqualTo("/b/request-link?sent");
        assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus());
        assertThat(forUnknown.getContentAsByteArray()).isEqualTo(forKnown.getContentAsByteArray());
        assertThat(headers(forUnknown)).isEqualTo(headers(forKnown));
        BuyerClient reader = new BuyerClient(mvc);
        assertThat(BuyerSignInIntegrationTest.text(reader.get("/b/request-link?sent")))
                .contains("If this address takes part in a mutual action plan, a link is on its way.");

        MimeMessage mail = inbox.await(known, 1);
        assertThat(Inbox.subject(mail)).isEqualTo("Your link to your mutual action plans");
        String link = BuyerClient.linkIn(Inbox.body(mail));
        assertThat(new BuyerClient(mvc).signInWith(link).getRedirectedUrl()).isEqualTo("/b/plans/" + plan.id());

        assertThat(linkMailsFor(unknown)).isZero();
        String control = controlMail();
        inbox.await(control, 1);
        assertThat(inbox.of(unknown)).isEmpty();
    }

    @Test
    void anAddressThatIsNotAnEmailIsRefusedInline() throws Exception {
        BuyerClient browser = new BuyerClient(mvc);
        browser.get("/b/request-link");
        MockHttpServletResponse refused = browser.post("/b/request-link", "email", "kim at buyer");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(BuyerSignInIntegrationTest.text(refused)).contains("Enter a valid email address.",
                "value=\"kim at buyer\"", "aria-invalid=\"true\"");
    }

    @Test
    void theRateLimitStopsMailsButNotTheAnswer() throws Exception {
        BuyerClient browser = new BuyerClient(mvc);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < BuyerLinks.PER_EMAIL + 2; i++) {
            answers.add(ask(browser, known).getRedirectedUrl());
        }
        assertThat(answers).containsOnly("/b/request-link?sent");
        assertThat(linkMailsFor(known)).isEqualTo(BuyerLinks.PER_EMAIL);
        inbox.await(known, BuyerLinks.PER_EMAIL);
        inbox.await(controlMail(), 1);
        assertThat(inbox.of(known)).hasSize(BuyerLinks.PER_EMAIL);

        BuyerClient busyAddress = new BuyerClient(mvc);
        for (int i = 0; i < BuyerLinks.PER_ADDRESS; i++) {
            ask(busyAddress, "someone-" + i + "-" + marker + "@elsewhere.example");
        }
        String other = "olga-" + marker + "@buyer.example";
        participants.addBuyer(seller, plan.id(), "Olga Other", other, null, null);
        assertThat(ask(busyAddress, other).getRedirectedUrl()).isEqualTo("/b/request-link?sent");
        assertThat(linkMailsFor(other)).as("too many requests from one address").isZero();
        assertThat(ask(new BuyerClient(mvc), other).getRedirectedUrl()).isEqualTo("/b/request-link?sent");
        assertThat(linkMailsFor(other)).as("another address is not held back").isOne();
    }

    @Test
    void selfJoinIsOnlyForPlansThatLetADomainInAndMakesTheEmailAParticipant() throws Exception {
        BuyerClient browser = new BuyerClient(mvc);
        assertThat(browser.get("/b/join/" + plan.id()).getStatus()).isEqualTo(404);
        assertThat(browser.get("/b/join/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
        PlanView closing = maker.closingPlan(seller, MutualPlanMaker.marker());
        assertThat(browser.get("/b/join/" + closing.id()).getStatus()).isEqualTo(404);

        String domain = "acme-" + marker + ".example";
        maker.describe(seller, plan, "el", domain);
        String page = BuyerSignInIntegrationTest.text(browser.get("/b/join/" + plan.id()));
        assertThat(page).contains("<html lang=\"el\"", "Account " + marker).doesNotContain("Deal " + marker);

        String allowed = "jo-" + marker + "@" + domain.toUpperCase();
        String outsider = "jo-" + marker + "@not-" + domain;
        MockHttpServletResponse forAllowed = browser.post("/b/join/" + plan.id(), "email", allowed);
        BuyerClient other = new BuyerClient(mvc);
        other.get("/b/join/" + plan.id());
        MockHttpServletResponse forOutsider = other.post("/b/join/" + plan.id(), "email", outsider);
        assertThat(forAllowed.getStatus()).isEqualTo(302);
        assertThat(forAllowed.getRedirectedUrl()).isEqualTo("/b/join/" + plan.id() + "?sent");
        assertThat(forOutsider.getRedirectedUrl()).isEqualTo(forAllowed.getRedirectedUrl());
        assertThat(forOutsider.getContentAsByteArray()).isEqualTo(forAllowed.getContentAsByteArray());
        assertThat(linkMailsFor(outsider)).isZero();

        MimeMessage mail = inbox.await(allowed.toLowerCase(), 1);
        assertThat(Inbox.subject(mail)).isEqualTo("Συμμετοχή στο κοινό πλάνο δράσης: Account " + marker);
        assertThat(Inbox.body(mail)).doesNotContain("Deal " + marker);
        BuyerClient joiner = new BuyerClient(mvc);
        assertThat(joiner.signInWith(BuyerClient.linkIn(Inbox.body(mail))).getRedirectedUrl())
                .isEqualTo("/b/plans/" + plan.id());
        assertThat(BuyerSignInIntegrationTest.text(joiner.get("/b"))).contains("Account " + marker);
        assertThat(participants.list(seller, plan.id())).extracting(ParticipantView::email)
                .contains(allowed.toLowerCase());
        assertThat(jdbc.sql("select count(*) from plan_activity where plan_id = :plan and action = 'PARTICIPANT_JOINED'")
                .param("plan", plan.id()).query(Integer.class).single()).isOne();

        MockHttpServletResponse notAnEmail = other.post("/b/join/" + plan.id(), "email", "jo");
        assertThat(notAnEmail.getStatus()).isEqualTo(400);
        assertThat(BuyerSignInIntegrationTest.text(notAnEmail)).contains("value=\"jo\"");
    }

    private MockHttpServletResponse ask(BuyerClient browser, String email) throws Exception {
        browser.get("/b/request-link");
        return browser.post("/b/request-link", "email", email);
    }

    /** Asks a link for a second known buyer: once their mail is in, earlier mails would have arrived too. */
    private String controlMail() throws Exception {
        String control = "control-" + TestData.unique() + "@buyer.example";
        participants.addBuyer(seller, plan.id(), "Control", control, null, null);
        ask(new BuyerClient(mvc), control);
        return control;
    }

    /** Emails with a link queued for the address (the link itself is issued when the email is delivered). */
    private int linkMailsFor(String email) {
        return jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(:email) "
                        + "and link_purpose is not null")
                .param("email", email).query(Integer.class).single();
    }

    private static Map<String, Object> headers(MockHttpServletResponse response) {
        Map<String, Object> headers = new TreeMap<>();
        response.getHeaderNames().forEach(name -> headers.put(name, response.getHeaderValues(name)));
        return headers;
    }
}
