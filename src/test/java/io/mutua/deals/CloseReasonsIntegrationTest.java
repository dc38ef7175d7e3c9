package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Closing asks why: a reason from the admin's list for the chosen outcome (required), details and the competitor,
 * on the deal page and in the API; the admin keeps the list, and a retired reason is no longer offered but stays on
 * the deals closed with it. Every test adds its own reasons, so the shared list only grows.
 */
@IntegrationTest
class CloseReasonsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    CloseReasons reasons;
    @Autowired
    JdbcClient jdbc;

    TestData.Seller rep;
    TestData.Seller admin;
    String marker;

    @BeforeEach
    void people() {
        UUID team = data.team("Close reasons");
        rep = data.user("REP", team);
        admin = data.user("ADMIN", null);
        marker = TestData.unique();
    }

    @Test
    void closingOnThePageRecordsTheReasonDetailsAndCompetitorAndSuggestsTheCompetitorNextTime() throws Exception {
        CloseReasonView lost = reasons.add(Outcome.LOST, "Lost on price " + marker);
        CloseReasonView won = reasons.add(Outcome.WON, "Won on fit " + marker);
        DealView deal = openDeal("Page close");

        String form = page("/deals/" + deal.id());
        assertThat(form).contains("id=\"won-reason\"").contains("id=\"lost-reason\"")
                .contains("value=\"" + lost.id() + "\">Lost on price " + marker)
                .contains("value=\"" + won.id() + "\">Won on fit " + marker);

        mvc.perform(post("/deals/" + deal.id() + "/close").with(SignIn.as(rep)).with(csrf())
                        .param("outcome", "LOST").param("lostReason", lost.id().toString())
                        .param("wonReason", won.id().toString()).param("details", "They went cheaper")
                        .param("competitor", "Rival " + marker).param("version", "0"))
                .andReturn();

        String closed = page("/deals/" + deal.id());
        assertThat(closed).contains("Lost on price " + marker).contains("They went cheaper")
                .contains("Rival " + marker).contains("href=\"/deals/" + deal.id() + "/snapshot\"")
                .doesNotContain("id=\"lost-reason\"");
        assertThat(stored(deal.id())).containsEntry("status", "LOST").containsEntry("close_reason_id", lost.id())
                .containsEntry("close_reason", "They went cheaper").containsEntry("competitor", "Rival " + marker);

        assertThat(page("/deals/" + openDeal("Next").id()))
                .contains("<datalist id=\"known-competitors\">").contains("<option value=\"Rival " + marker + "\">");
    }

    @Test
    void thePageRefusesAMissingRetiredOrWrongOutcomeReasonKeepingWhatWasTyped() throws Exception {
        CloseReasonView won = reasons.add(Outcome.WON, "Won fast " + marker);
        CloseReasonView retired = reasons.add(Outcome.LOST, "Old loss " + marker);
        reasons.setActive(retired.id(), false, retired.version());
        DealView deal = openDeal("Refused");

        MockHttpServletResponse missing = close(deal, "LOST", null, "Budget went elsewhere");
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(missing.getContentAsString()).contains("This field is required.")
                .contains(">Budget went elsewhere</textarea>");

        MockHttpServletResponse old = close(deal, "LOST", retired.id(), "Budget went elsewhere");
        assertThat(old.getStatus()).isEqualTo(422);
        assertThat(old.getContentAsString()).contains("has been retired")
                .doesNotContain("value=\"" + retired.id() + "\"");

        MockHttpServletResponse otherSide = mvc.perform(post("/deals/" + deal.id() + "/close")
                        .with(SignIn.as(rep)).with(csrf()).header("HX-Request", "true").param("outcome", "LOST")
                        .param("lostReason", won.id().toString()).param("version", "0"))
                .andReturn().getResponse();
        assertThat(otherSide.getStatus()).isEqualTo(422);
        assertThat(otherSide.getContentAsString()).contains("does not belong to this outcome");

        assertThat(stored(deal.id())).containsEntry("status", "OPEN").containsEntry("close_reason_id", null);
    }

    @Test
    void theApiListsTheReasonsAndClosesWithOneRefusingRetiredUnknownAndWrongOutcomeReasons() {
        ApiClient api = new ApiClient(port);
        String token = api.token(rep.email(), TestData.PASSWORD);
        CloseReasonView won = reasons.add(Outcome.WON, "API win " + marker);
        CloseReasonView retired = reasons.add(Outcome.WON, "API retired " + marker);
        reasons.setActive(retired.id(), false, retired.version());

        JsonNode listed = api.get("/api/v1/close-reasons?outcome=WON").bearer(token).send().json();
        assertThat(listed.valueStream().map(reason -> reason.path("label").asString()))
                .contains("API win " + marker, "Best fit for their needs").doesNotContain("API retired " + marker);
        assertThat(listed.valueStream().map(reason -> reason.path("outcome").asString())).containsOnly("WON");
        assertThat(api.get("/api/v1/close-reasons?includeRetired=true").bearer(token).send().json().valueStream()
                .map(reason -> reason.path("label").asString())).contains("API retired " + marker, "Price");

        DealView deal = openDeal("API close");
        String path = "/api/v1/deals/" + deal.id() + "/close";
        for (UUID refused : new UUID[] {retired.id(), UUID.randomUUID(),
                UUID.fromString("5a1e0002-0000-4000-8000-000000000001")}) {
            JsonNode problem = api.post(path).bearer(token)
                    .json(Map.of("outcome", "WON", "reasonId", refused.toString())).send().problem(400);
            assertThat(problem.toString()).contains("reasonId");
        }
        assertThat(stored(deal.id())).containsEntry("status", "OPEN");

        Response closed = api.post(path).bearer(token).json(Map.of("outcome", "WON", "reasonId",
                won.id().toString(), "details", "Signed in a week", "competitor", "Acme " + marker)).send();
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode body = closed.json();
        assertThat(body.path("status").asString()).isEqualTo("WON");
        assertThat(body.path("closeReasonId").asString()).isEqualTo(won.id().toString());
        assertThat(body.path("closeReasonLabel").asString()).isEqualTo("API win " + marker);
        assertThat(body.path("closeReason").asString()).isEqualTo("Signed in a week");
        assertThat(body.path("competitor").asString()).isEqualTo("Acme " + marker);

        DealView older = openDeal("Old client");
        JsonNode oldStyle = api.post("/api/v1/deals/" + older.id() + "/close").bearer(token)
                .json(Map.of("outcome", "WON", "reasonId", won.id().toString(), "reason", "Old field")).send().json();
        assertThat(oldStyle.path("closeReason").asString()).as("the older name of details").isEqualTo("Old field");
    }

    @Test
    void theAdminAddsRenamesReordersRetiresAndReactivatesAndAStaleRenameLosesNothing() throws Exception {
        assertThat(mvc.perform(get("/admin/close-reasons").with(SignIn.as(rep))).andReturn().getResponse()
                .getStatus()).as("admins only").isIn(403, 404);

        adminPost("/admin/close-reasons", "outcome", "LOST", "label", "First " + marker);
        adminPost("/admin/close-reasons", "outcome", "LOST", "label", "Second " + marker);
        CloseReasonView first = find("First " + marker);
        CloseReasonView second = find("Second " + marker);
        assertThat(second.position()).isGreaterThan(first.position());
        String duplicate = adminPost("/admin/close-reasons", "outcome", "LOST", "label", "first " + marker)
                .getContentAsString();
        assertThat(duplicate).contains("There is already a reason");

        adminPost("/admin/close-reasons/" + second.id() + "/move", "direction", "-1", "version",
                Long.toString(second.version()));
        assertThat(find("Second " + marker).position()).isLessThan(find("First " + marker).position());

        CloseReasonView current = find("First " + marker);
        adminPost("/admin/close-reasons/" + current.id(), "label", "Renamed " + marker, "version",
                Long.toString(current.version()));
        MockHttpServletResponse stale = adminPost("/admin/close-reasons/" + current.id(), "label",
                "Mine " + marker, "version", Long.toString(current.version()));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("Someone else changed this reason")
                .contains("value=\"Mine " + marker + "\"").contains("Saved now: “Renamed " + marker + "”");
        CloseReasonView renamed = reasons.find(current.id()).orElseThrow();
        assertThat(renamed.label()).isEqualTo("Renamed " + marker);

        DealView deal = openDeal("Retired later");
        deals.close(users.viewer(rep.id()), deal.id(), new ClosingDecision(Outcome.LOST, renamed.id(), null, null),
                0L);
        adminPost("/admin/close-reasons/" + renamed.id() + "/active", "active", "false", "version",
                Long.toString(renamed.version()));
        assertThat(reasons.offered(Outcome.LOST)).extracting(CloseReasonView::id).doesNotContain(renamed.id());
        assertThat(page("/deals/" + openDeal("Fresh").id())).doesNotContain("Renamed " + marker);
        assertThat(page("/deals/" + deal.id())).as("a closed deal keeps its retired reason")
                .contains("Renamed " + marker);
        assertThat(page("/admin/close-reasons", admin)).contains("Renamed " + marker).contains("Offer again");

        CloseReasonView retired = reasons.find(renamed.id()).orElseThrow();
        adminPost("/admin/close-reasons/" + retired.id() + "/active", "active", "true", "version",
                Long.toString(retired.version()));
        assertThat(reasons.offered(Outcome.LOST)).extracting(CloseReasonView::id).contains(renamed.id());
    }

    private CloseReasonView find(String label) {
        return reasons.all().stream().filter(reason -> reason.label().equals(label)).findFirst().orElseThrow();
    }

    private MockHttpServletResponse adminPost(String path, String... params) throws Exception {
        var request = post(path).with(SignIn.as(admin)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse close(DealView deal, String outcome, UUID reason, String details)
            throws Exception {
        var request = post("/deals/" + deal.id() + "/close").with(SignIn.as(rep)).with(csrf())
                .header("HX-Request", "true").param("outcome", outcome).param("details", details)
                .param("version", "0");
        if (reason != null) {
            request.param(outcome.equals("WON") ? "wonReason" : "lostReason", reason.toString());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(String path) throws Exception {
        return page(path, rep);
    }

    private String page(String path, TestData.Seller seller) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(SignIn.as(seller))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private DealView openDeal(String name) {
        return deals.create(users.viewer(rep.id()), new DealDetails(name + " " + marker, "Account " + marker,
                Money.of("1000", "EUR"), rep.id(), LocalDate.now().plusMonths(1), null, null), "negotiation");
    }

    private Map<String, Object> stored(DealId id) {
        return jdbc.sql("select status, close_reason_id, close_reason, competitor from deal where id = :id")
                .param("id", id.value()).query().singleRow();
    }
}
