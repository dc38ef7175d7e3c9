package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class DealWebIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    UUID team;
    TestData.Seller rep;
    String marker;

    @BeforeEach
    void aRep() {
        team = data.team("Web");
        rep = data.user("REP", team);
        marker = TestData.unique();
    }

    @Test
    void createsADealFromTheFormAndRecordsItsFirstStage() throws Exception {
        String location = mvc.perform(newDeal("Rollout " + marker, "12500.50", "proposal").param("crmRef", ""))
                .andExpect(redirectedUrlPattern("/deals/*")).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/deals/".length()));

        mvc.perform(get(location).with(SignIn.as(rep)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Rollout " + marker)))
                .andExpect(content().string(Matchers.containsString("€12,500.50")))
                .andExpect(content().string(Matchers.containsString("Created in Proposal")));
        assertThat(jdbc.sql("select to_stage from deal_stage_history where deal_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("proposal");
    }

    @Test
    void badInputIsShownNextToTheFieldAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(newDeal("", "12", "discovery").param("crmRef", "x".repeat(150)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("This field is required.")))
                .andExpect(content().string(Matchers.containsString("Use at most 100 characters.")))
                .andExpect(content().string(Matchers.containsString("value=\"Account " + marker + "\"")));
        mvc.perform(newDeal("Typo " + marker, "12,5OO", "discovery").param("crmRef", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Enter a number, such as 25000.50.")))
                .andExpect(content().string(Matchers.containsString("value=\"Typo " + marker + "\"")));
        assertThat(jdbc.sql("select count(*) from deal where account = :a").param("a", "Account " + marker)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theListAnswersHtmxWithTheResultsFragmentAndBrowsersWithTheWholePage() throws Exception {
        createDeal("Alpha " + marker, "discovery");
        createDeal("Beta " + marker, "proposal");

        String page = mvc.perform(get("/deals").param("q", marker).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "id=\"deal-results\"", "Alpha " + marker, "Beta " + marker);

        String fragment = mvc.perform(get("/deals").param("q", marker).param("stage", "proposal")
                        .header("HX-Request", "true").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html", "<form class=\"filters\"")
                .contains("Beta " + marker, "One deal").doesNotContain("Alpha " + marker);
    }

    @Test
    void movingAStageWithHtmxReturnsTheUpdatedDealAndWithoutItRedirects() throws Exception {
        UUID id = createDeal("Mover " + marker, "discovery");
        String fragment = mvc.perform(post("/deals/" + id + "/stage").with(SignIn.as(rep)).with(csrf())
                        .header("HX-Request", "true").param("stage", "solution").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).startsWith("<div id=\"deal-body\">").doesNotContain("<html")
                .contains("Discovery → Solution", "id=\"deal-stage\">Solution<");

        mvc.perform(post("/deals/" + id + "/stage").with(SignIn.as(rep)).with(csrf())
                        .param("stage", "proposal").param("version", "1"))
                .andExpect(redirectedUrl("/deals/" + id));
        assertThat(jdbc.sql("select to_stage from deal_stage_history where deal_id = :id order by changed_at, id")
                .param("id", id).query(String.class).list()).containsExactly("discovery", "solution", "proposal");
    }

    @Test
    void aMoveBasedOnAnOldVersionIsRefusedAndNothingMoves() throws Exception {
        UUID id = createDeal("Race " + marker, "discovery");
        move(id, "solution", 0);
        mvc.perform(post("/deals/" + id + "/stage").with(SignIn.as(rep)).with(csrf())
                        .header("HX-Request", "true").param("stage", "negotiation").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Someone else changed this deal")));
        assertThat(stage(id)).isEqualTo("solution");
    }

    @Test
    void closingAsWonNeedsAReasonAndEndsTheDealsMoves() throws Exception {
        UUID id = createDeal("Closer " + marker, "negotiation");
        mvc.perform(post("/deals/" + id + "/close").with(SignIn.as(rep)).with(csrf()).header("HX-Request", "true")
                        .param("outcome", "WON").param("details", "Champion sold it").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("This field is required.")))
                .andExpect(content().string(Matchers.containsString(">Champion sold it</textarea>")));
        assertThat(stage(id)).isEqualTo("negotiation");

        mvc.perform(post("/deals/" + id + "/close").with(SignIn.as(rep)).with(csrf()).header("HX-Request", "true")
                        .param("outcome", "WON").param("wonReason", "5a1e0001-0000-4000-8000-000000000003")
                        .param("details", "Champion sold it").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Champion sold it")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"move-stage\""))));
        assertThat(jdbc.sql("select status || ' ' || stage_key from deal where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("WON won");

        mvc.perform(post("/deals/" + id + "/stage").with(SignIn.as(rep)).with(csrf())
                        .param("stage", "proposal").param("version", "1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("This deal is closed")));
    }

    @Test
    void aStaleEditKeepsTheUsersVersionAndShowsWhatIsSaved() throws Exception {
        UUID id = createDeal("Original " + marker, "discovery");
        mvc.perform(edit(id, "First " + marker, 0)).andExpect(redirectedUrl("/deals/" + id));

        mvc.perform(edit(id, "Second " + marker, 0))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("changed by someone else while you were editing")))
                .andExpect(content().string(Matchers.containsString("value=\"Second " + marker + "\"")))
                .andExpect(content().string(Matchers.containsString("<dd>First " + marker + "</dd>")))
                .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"1\"")));
        assertThat(jdbc.sql("select name from deal where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("First " + marker);
    }

    @Test
    void sellersSeeTheirTeamsDealsButChangeOnlyTheirOwn() throws Exception {
        UUID mine = createDeal("Mine " + marker, "discovery");
        TestData.Seller teammate = data.user("REP", team);
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        TestData.Seller manager = data.user("MANAGER", team);
        TestData.Seller cs = data.user("CS", team);

        mvc.perform(get("/deals/" + mine).with(SignIn.as(teammate))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"move-stage\""))));
        mvc.perform(get("/deals/" + mine + "/edit").with(SignIn.as(teammate))).andExpect(status().isForbidden());
        mvc.perform(get("/deals/" + mine).with(SignIn.as(stranger))).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("does not exist, or you may not see it")));
        mvc.perform(get("/deals").param("q", marker).with(SignIn.as(stranger)))
                .andExpect(content().string(Matchers.containsString("No deals match")));
        mvc.perform(get("/deals/" + mine).with(SignIn.as(manager))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"move-stage\"")));
        mvc.perform(get("/deals/" + mine).with(SignIn.as(cs))).andExpect(status().isNotFound());
    }

    @Test
    void textThatTheDatabaseCannotStoreIsRefusedAsBadInput() throws Exception {
        mvc.perform(newDeal("Nul\u0000 " + marker, "10", "discovery").param("crmRef", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/deals").param("q", "a\u0000b").with(SignIn.as(rep))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from deal where account = :a").param("a", "Account " + marker)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownDealIsAFriendlyNotFound() throws Exception {
        mvc.perform(get("/deals/" + UUID.randomUUID()).with(SignIn.as(rep))).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("<html")));
        mvc.perform(get("/deals/not-a-uuid").with(SignIn.as(rep))).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder newDeal(String name, String amount, String stage) {
        return post("/deals").with(SignIn.as(rep)).with(csrf())
                .param("name", name).param("account", "Account " + marker).param("amount", amount)
                .param("currency", "EUR").param("ownerId", rep.id().toString())
                .param("expectedCloseDate", "2027-03-31").param("stage", stage)
                .param("version", "0");
    }

    private MockHttpServletRequestBuilder edit(UUID id, String name, long version) {
        return post("/deals/" + id + "/edit").with(SignIn.as(rep)).with(csrf())
                .param("name", name).param("account", "Account " + marker).param("amount", "100")
                .param("currency", "EUR").param("ownerId", rep.id().toString()).param("crmRef", "")
                .param("version", Long.toString(version));
    }

    private UUID createDeal(String name, String stage) throws Exception {
        String location = mvc.perform(newDeal(name, "1000", stage).param("crmRef", "")).andReturn().getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring("/deals/".length()));
    }

    private void move(UUID id, String stage, long version) throws Exception {
        mvc.perform(post("/deals/" + id + "/stage").with(SignIn.as(rep)).with(csrf())
                .param("stage", stage).param("version", Long.toString(version)));
    }

    private String stage(UUID id) {
        return jdbc.sql("select stage_key from deal where id = :id").param("id", id).query(String.class).single();
    }
}
