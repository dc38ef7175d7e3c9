package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The people panel of the seller's plan page, through the whole stack. */
@IntegrationTest
class ParticipantWebIntegrationTest {

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
    PlanVisits visits;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    TestData.Seller rep;
    TestData.Seller teammate;
    TestData.Seller outsider;
    Viewer viewer;
    String marker;
    PlanView plan;
    MutualPlanMaker maker;

    @BeforeEach
    void aMutualPlan() {
        UUID team = data.team("People panel");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        outsider = data.user("REP", data.team("Elsewhere"));
        viewer = users.viewer(rep.id());
        marker = MutualPlanMaker.marker();
        maker = new MutualPlanMaker(deals, plans, qualification);
        plan = maker.mutualPlan(viewer, marker);
    }

    @Test
    void theSellerPlanPageLoadsThePeoplePanelOfAMutualPlanOnly() throws Exception {
        String page = html(mvc.perform(get("/deals/" + plan.dealId() + "/plan").with(SignIn.as(rep))).andReturn()
                .getResponse());
        assertThat(page).contains("hx-get=\"/plans/" + plan.id() + "/participants\"", "hx-trigger=\"load\"");

        PlanView closing = maker.closingPlan(viewer, MutualPlanMaker.marker());
        String closingPage = html(mvc.perform(get("/deals/" + closing.dealId() + "/plan").with(SignIn.as(rep)))
                .andReturn().getResponse());
        assertThat(closingPage).doesNotContain("/participants");
        assertThat(mvc.perform(htmx(get("/plans/" + closing.id() + "/participants"), rep)).andReturn().getResponse()
                .getStatus()).isEqualTo(409);

        MockHttpServletResponse fragment = mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), rep))
                .andReturn().getResponse();
        assertThat(fragment.getStatus()).isEqualTo(200);
        String panel = html(fragment);
        assertThat(panel).startsWith("<section id=\"participants\"").doesNotContain("<html");
        // The account executive joined the plan as the sales team's main contact when it was converted.
        assertThat(row(panel, only(rep.email()).id())).contains(rep.name(), "Main contact", "Seller", "On the plan");
        assertThat(panel).contains("No one from the buyer’s side is on the plan yet", "Add a buyer contact");

        MockHttpServletResponse whole = mvc.perform(get("/plans/" + plan.id() + "/participants").with(SignIn.as(rep)))
                .andReturn().getResponse();
        assertThat(html(whole)).contains("<html", "People on the plan for Deal " + marker, "People on this plan");
    }

    @Test
    void aRepAddsABuyerContactAndInvitesThemInThePlansLanguageWithoutTheDealsInternalName() throws Exception {
        maker.describe(viewer, plan, "el", null);
        String email = "cfo-" + marker + "@buyer.example";

        String panel = html(mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/buyers"), rep).with(csrf())
                .param("name", "Chloe Buyer").param("email", email).param("title", "CFO")
                .param("buyingRole", "ECONOMIC_BUYER")).andReturn().getResponse());
        ParticipantView added = only(email);
        assertThat(row(panel, added.id())).contains("Chloe Buyer", email, "CFO", "Buyer", "Economic buyer",
                "Not invited yet", "Never opened", "Send invitation");

        MockHttpServletResponse invited = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/" + added.id()
                + "/invitation"), rep).with(csrf())).andReturn().getResponse();
        assertThat(invited.getStatus()).isEqualTo(200);
        assertThat(html(invited)).contains("The invitation is on its way to Chloe Buyer.");
        assertThat(row(html(invited), added.id())).contains("Invited", "Send invitation again");

        MimeMessage mail = new Inbox(mailServer).await(email, 1);
        String body = Inbox.body(mail);
        assertThat(Inbox.subject(mail)).isEqualTo("Κοινό πλάνο δράσης: Account " + marker);
        assertThat(body).contains("Γεια σας Chloe Buyer", rep.name(), "Account " + marker,
                "http://localhost:8080/b/sign-in?token=").doesNotContain("Deal " + marker);
        assertThat(actions()).contains("PARTICIPANT_ADDED", "PARTICIPANT_INVITED");
    }

    @Test
    void aBuyerFormWithMistakesComesBackWithWhatWasTyped() throws Exception {
        MockHttpServletResponse refused = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/buyers"), rep)
                .with(csrf()).param("name", " ").param("email", "not-an-email").param("title", "VP Finance"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(html(refused)).contains("This field is required.", "Enter a valid email address.",
                "value=\"VP Finance\"", "value=\"not-an-email\"", "<details class=\"add-participant\" open>");

        MockHttpServletResponse twice = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/buyers"), rep)
                .with(csrf()).param("name", "Me Again").param("email", rep.email().toUpperCase()))
                .andReturn().getResponse();
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(html(twice)).contains("This person is already on the plan.", "value=\"Me Again\"");
        assertThat(participants.list(viewer, plan.id())).hasSize(1);
    }

    @Test
    void colleaguesToAddAreTheActiveTeamNotYetOnThePlan() throws Exception {
        String panel = html(mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), rep)).andReturn()
                .getResponse());
        String select = panel.substring(panel.indexOf("<select id=\"colleague-user\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select).contains(teammate.name()).doesNotContain(rep.name(), outsider.name());

        String added = html(mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/sellers"), rep).with(csrf())
                .param("userId", teammate.id().toString()).param("title", "Solutions engineer")).andReturn()
                .getResponse());
        assertThat(row(added, only(teammate.email()).id())).contains(teammate.name(), "Solutions engineer", "Seller");

        MockHttpServletResponse stranger = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/sellers"), rep)
                .with(csrf()).param("userId", outsider.id().toString())).andReturn().getResponse();
        assertThat(stranger.getStatus()).isEqualTo(422);
        assertThat(html(stranger)).contains("This is not an active member of your team.");
        assertThat(participants.list(viewer, plan.id())).extracting(ParticipantView::email)
                .doesNotContain(outsider.email());
    }

    @Test
    void endingAccessNeedsTheVersionOnScreenAndIsShownAndLogged() throws Exception {
        ParticipantView buyer = participants.addBuyer(viewer, plan.id(), "Ravi Revoked", "ravi-" + marker
                + "@buyer.example", null, BuyingRole.LEGAL);
        participants.makeMainContact(viewer, plan.id(), buyer.id());
        long seen = buyer.version();
        long current = only(buyer.email()).version();
        assertThat(current).isNotEqualTo(seen);

        MockHttpServletResponse stale = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/" + buyer.id()
                + "/revoke"), rep).with(csrf()).param("version", Long.toString(seen))).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(html(stale)).contains("Someone else changed this person in the meantime, so nothing was changed.");
        assertThat(only(buyer.email()).active()).isTrue();

        MockHttpServletResponse revoked = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/"
                + buyer.id() + "/revoke"), rep).with(csrf()).param("version", Long.toString(current))).andReturn()
                .getResponse();
        assertThat(revoked.getStatus()).isEqualTo(200);
        String row = row(html(revoked), buyer.id());
        assertThat(row).contains("Access ended").doesNotContain("Main contact", "End access", "Send invitation");
        assertThat(only(buyer.email()).active()).isFalse();
        assertThat(actions()).contains("PARTICIPANT_REVOKED");

        MockHttpServletResponse invite = mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/"
                + buyer.id() + "/invitation"), rep).with(csrf())).andReturn().getResponse();
        assertThat(invite.getStatus()).isEqualTo(409);
        assertThat(html(invite)).contains("This person no longer has access to the plan.");
    }

    @Test
    void theBuyersMainContactIsOneAtATimeAndTheChangeIsLogged() throws Exception {
        ParticipantView first = participants.addBuyer(viewer, plan.id(), "First Champion", "first-" + marker
                + "@buyer.example", null, BuyingRole.CHAMPION);
        ParticipantView second = participants.addBuyer(viewer, plan.id(), "Second Champion", "second-" + marker
                + "@buyer.example", null, BuyingRole.CHAMPION);

        mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/" + first.id() + "/main-contact"), rep)
                .with(csrf()));
        String panel = html(mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/" + second.id()
                + "/main-contact"), rep).with(csrf())).andReturn().getResponse());

        assertThat(row(panel, second.id())).contains("Main contact");
        assertThat(row(panel, first.id())).doesNotContain("Main contact").contains("Make main contact");
        assertThat(row(panel, only(rep.email()).id())).contains("Main contact");
        assertThat(actions().stream().filter("MAIN_CONTACT"::equals)).hasSize(2);
        String planPage = html(mvc.perform(get("/deals/" + plan.dealId() + "/plan").with(SignIn.as(rep)))
                .andReturn().getResponse());
        assertThat(planPage).contains("made Second Champion the buyer’s main contact");
    }

    @Test
    void plainFormPostsGoBackToThePlanPageAndRefusalsShowThePanelAsAPage() throws Exception {
        MockHttpServletResponse added = mvc.perform(post("/plans/" + plan.id() + "/participants/buyers")
                .with(SignIn.as(rep)).with(csrf()).param("name", "Plain Form").param("email", "plain-" + marker
                        + "@buyer.example")).andReturn().getResponse();
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(added.getRedirectedUrl()).isEqualTo("/deals/" + plan.dealId() + "/plan#participants");
        assertThat(participants.list(viewer, plan.id())).extracting(ParticipantView::name).contains("Plain Form");

        MockHttpServletResponse refused = mvc.perform(post("/plans/" + plan.id() + "/participants/buyers")
                .with(SignIn.as(rep)).with(csrf()).param("name", "No Email")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(html(refused)).contains("<html", "This field is required.", "value=\"No Email\"");
    }

    @Test
    void onlyWhoMayChangeTheDealChangesThePeopleAndOtherTeamsSeeNothing() throws Exception {
        String readOnly = html(mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), teammate)).andReturn()
                .getResponse());
        assertThat(readOnly).contains(rep.name(), "Only people who may change the deal add or remove people.")
                .doesNotContain("Add a buyer contact", "End access");
        assertThat(mvc.perform(htmx(post("/plans/" + plan.id() + "/participants/buyers"), teammate).with(csrf())
                .param("name", "Sneaky").param("email", "sneaky-" + marker + "@buyer.example")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);

        assertThat(mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(participants.list(viewer, plan.id())).hasSize(1);
    }

    @Test
    void engagementSaysNeverOpenedUntilSomeoneOpensThePlan() throws Exception {
        ParticipantView buyer = participants.addBuyer(viewer, plan.id(), "Eve Engaged", "eve-" + marker
                + "@buyer.example", "COO", BuyingRole.USER);
        String before = html(mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), rep)).andReturn()
                .getResponse());
        assertThat(row(before, buyer.id())).contains("Never opened").doesNotContain("Last opened");

        visits.visitByParticipant(plan.id(), buyer.id());
        visits.visitByParticipant(plan.id(), buyer.id());
        visits.visitByUser(plan.id(), rep.id());

        String after = html(mvc.perform(htmx(get("/plans/" + plan.id() + "/participants"), rep)).andReturn()
                .getResponse());
        assertThat(row(after, buyer.id())).contains("Last opened", "2 visits", "Joined").doesNotContain("Never opened");
        assertThat(row(after, only(rep.email()).id())).contains("Last opened", "one visit");
    }

    private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, TestData.Seller seller) {
        return request.with(SignIn.as(seller)).header("HX-Request", "true");
    }

    private ParticipantView only(String email) {
        return participants.list(viewer, plan.id()).stream().filter(p -> p.email().equalsIgnoreCase(email))
                .findFirst().orElseThrow();
    }

    private List<String> actions() {
        return jdbc.sql("select action from plan_activity where plan_id = :plan order by id").param("plan", plan.id())
                .query(String.class).list();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one participant. */
    static String row(String panel, UUID participantId) {
        int start = panel.indexOf("<tr id=\"participant-" + participantId + "\"");
        assertThat(start).as("row of %s in %s", participantId, panel).isNotNegative();
        return panel.substring(start, panel.indexOf("</tr>", start));
    }
}
