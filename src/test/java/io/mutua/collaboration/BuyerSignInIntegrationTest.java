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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Magic links through the whole stack, from the invitation email to a buyer session: one use only, refused when
 * expired, never stored in the clear, never used up by a mere GET, a new session id at sign-in, CSRF enforced, and
 * the pages in the plan's language.
 */
@IntegrationTest
class BuyerSignInIntegrationTest {

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
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    Viewer seller;
    String marker;
    PlanView plan;
    MutualPlanMaker maker;
    Inbox inbox;
    String buyerEmail;
    ParticipantView buyer;

    @BeforeEach
    void anInvitedBuyer() {
        seller = users.viewer(data.user("REP", data.team("Magic links")).id());
        marker = MutualPlanMaker.marker();
        maker = new MutualPlanMaker(deals, plans, qualification);
        plan = maker.mutualPlan(seller, marker);
        inbox = new Inbox(mailServer);
        buyerEmail = "bella-" + marker + "@buyer.example";
        buyer = participants.addBuyer(seller, plan.id(), "Bella Buyer", buyerEmail, "CTO", BuyingRole.CHAMPION);
    }

    @Test
    void theInvitationLinkSignsInOnceWithANewSessionAndASecondUseOffersAFreshLink() throws Exception {
        String link = invite();
        BuyerClient browser = new BuyerClient(mvc);

        MockHttpServletResponse page = browser.get(link);
        browser.get(link);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(text(page)).contains("Open the plan", "name=\"token\"", "action=\"/b/sign-in\"");
        assertThat(usedAt()).as("reading the page (as mail scanners do) does not use the link").isEmpty();
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        MockHttpServletResponse signedIn = browser.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/b/plans/" + plan.id());
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(text(browser.get("/b"))).contains("Account " + marker, "bella-" + marker);

        BuyerClient stolenOldSession = new BuyerClient(mvc);
        stolenOldSession.useCookie(BuyerClient.SESSION_COOKIE, before);
        assertThat(stolenOldSession.get("/b").getRedirectedUrl()).endsWith("/b/request-link");

        BuyerClient second = new BuyerClient(mvc);
        String used = text(second.get(link));
        assertThat(used).contains("This link has already been used.", "Send me a new link",
                "action=\"/b/request-link\"", "value=\"" + buyerEmail + "\"").doesNotContain("name=\"token\"");
        MockHttpServletResponse again = second.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(text(again)).contains("This link has already been used.");
        assertThat(second.get("/b").getRedirectedUrl()).endsWith("/b/request-link");
    }

    @Test
    void aRequestStillInFlightWithThePreviousSessionDoesNotSignTheBuyerOut() throws Exception {
        String link = invite();
        BuyerClient browser = new BuyerClient(mvc);
        browser.get(link);
        String before = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        // The page's favicon or style sheet, requested with the previous session while the buyer signs in.
        InFlight favicon = inFlight(sessions, before);

        browser.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        favicon.finish();

        assertThat(browser.get("/b").getStatus()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkIsRefusedAndOffersAFreshOne() throws Exception {
        String link = invite();
        jdbc.sql("update magic_link set expires_at = now() - interval '1 minute' where token_hash = :hash")
                .param("hash", sha256(BuyerClient.tokenOf(link))).update();
        BuyerClient browser = new BuyerClient(mvc);

        assertThat(text(browser.get(link))).contains("This link has expired. Links work for 14 days.",
                "Send me a new link", "value=\"" + buyerEmail + "\"").doesNotContain("Open the plan");
        MockHttpServletResponse refused = browser.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("This link has expired.");
        assertThat(browser.get("/b").getRedirectedUrl()).endsWith("/b/request-link");
        assertThat(usedAt()).isEmpty();
    }

    @Test
    void theDatabaseKeepsOnlyAHashOfTheToken() throws Exception {
        String token = BuyerClient.tokenOf(invite());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        List<String> rows = jdbc.sql("select row_to_json(m)::text from magic_link m where email = :email")
                .param("email", buyerEmail).query(String.class).list();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).doesNotContain(token).contains(sha256(token));
    }

    @Test
    void aMadeUpOrMangledLinkSignsNobodyIn() throws Exception {
        String token = BuyerClient.tokenOf(invite());
        BuyerClient browser = new BuyerClient(mvc);
        for (String wrong : List.of(token.substring(0, token.length() - 3), token + "x", "", "../../etc")) {
            assertThat(text(browser.get("/b/sign-in?token=" + wrong))).contains("This link does not work.");
            browser.post("/b/sign-in", "token", wrong);
            assertThat(browser.get("/b").getRedirectedUrl()).endsWith("/b/request-link");
        }
        assertThat(usedAt()).isEmpty();
    }

    @Test
    void aRevokedBuyersInvitationOpensNothing() throws Exception {
        String link = invite();
        participants.revoke(seller, plan.id(), buyer.id(), current().version());

        BuyerClient browser = new BuyerClient(mvc);
        browser.get(link);
        MockHttpServletResponse refused = browser.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("Send me a new link");
        assertThat(browser.get("/b").getRedirectedUrl()).endsWith("/b/request-link");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedForBuyersToo() throws Exception {
        String link = invite();
        BuyerClient browser = new BuyerClient(mvc);
        browser.get(link);
        assertThat(browser.postWithoutCsrf("/b/sign-in", "token", BuyerClient.tokenOf(link)).getStatus())
                .isEqualTo(403);
        assertThat(usedAt()).isEmpty();

        browser.post("/b/sign-in", "token", BuyerClient.tokenOf(link));
        assertThat(browser.get("/b").getStatus()).isEqualTo(200);
        assertThat(browser.postWithoutCsrf("/b/sign-out").getStatus()).isEqualTo(403);
        assertThat(browser.postWithoutCsrf("/b/request-link", "email", buyerEmail).getStatus()).isEqualTo(403);
        assertThat(browser.get("/b").getStatus()).as("still signed in").isEqualTo(200);

        MockHttpServletResponse signedOut = browser.post("/b/sign-out");
        assertThat(signedOut.getRedirectedUrl()).isEqualTo("/b/request-link?signedOut");
        assertThat(text(browser.get("/b/request-link?signedOut"))).contains("You are signed out.");
        assertThat(browser.get("/b").getRedirectedUrl()).endsWith("/b/request-link");
    }

    @Test
    void linkPagesSpeakThePlansLanguageUnlessTheBuyerChoseOne() throws Exception {
        maker.describe(seller, plan, "el", null);
        String link = invite();
        String invitation = Inbox.body(inbox.await(buyerEmail, 1));
        assertThat(invitation).contains("Γεια σας Bella Buyer");

        String greek = text(new BuyerClient(mvc).get(link));
        assertThat(greek).contains("<html lang=\"el\"", "Άνοιγμα του πλάνου");

        BuyerClient chose = new BuyerClient(mvc);
        chose.useCookie("MUTUA_LANG", "en");
        assertThat(text(chose.get(link))).contains("<html lang=\"en\"", "Open the plan");

        assertThat(text(new BuyerClient(mvc).get("/b/sign-in?token=unknown"))).contains("<html lang=\"en\"",
                "This link does not work.");
    }

    /** A request that read a session and writes it back when it finishes, as Spring Session does. */
    interface InFlight {
        void finish();
    }

    private static <S extends Session> InFlight inFlight(SessionRepository<S> repository, String id) {
        S session = repository.findById(id);
        assertThat(session).isNotNull();
        return () -> {
            session.setLastAccessedTime(Instant.now());
            repository.save(session);
        };
    }

    private String invite() {
        int before = inbox.of(buyerEmail).size();
        participants.invite(seller, plan.id(), buyer.id());
        return BuyerClient.linkIn(Inbox.body(inbox.await(buyerEmail, before + 1)));
    }

    private ParticipantView current() {
        return participants.list(seller, plan.id()).stream().filter(p -> p.id().equals(buyer.id())).findFirst()
                .orElseThrow();
    }

    private List<Object> usedAt() {
        return jdbc.sql("select used_at from magic_link where email = :email and used_at is not null")
                .param("email", buyerEmail).query((rs, n) -> rs.getObject(1)).list();
    }

    static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
