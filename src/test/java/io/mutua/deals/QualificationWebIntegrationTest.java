package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The MEDDPICC card on the deal page: every element in order with what conversion still waits for, inline edits
 * one element at a time (htmx and plain forms), stale edits that lose nothing, and read-only for whoever may not
 * change the deal.
 */
@IntegrationTest
class QualificationWebIntegrationTest {

    private static final List<String> ORDER = List.of("metrics", "economic_buyer", "decision_criteria",
            "decision_process", "paper_process", "identify_pain", "champion", "competition");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    Qualification qualification;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    TestData.Seller rep;
    TestData.Seller teammate;
    Viewer viewer;
    String marker;
    DealView deal;

    @BeforeEach
    void aDeal() {
        UUID team = data.team("Qualification");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        viewer = users.viewer(rep.id());
        marker = TestData.unique();
        deal = deals.create(viewer, new DealDetails("Qualified " + marker, "Account " + marker,
                Money.of("50000", "EUR"), rep.id(), LocalDate.now().plusMonths(3), null, null), "discovery");
    }

    @Test
    void theDealPageShowsTheEightElementsInOrderAndWhatSharingThePlanStillNeeds() throws Exception {
        String page = dealPage(rep);

        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("<li id=\"qualification-([a-z_]+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        assertThat(ids).containsExactlyElementsOf(ORDER);
        assertThat(page).contains("Qualification (MEDDPICC)", "Metrics", "Economic buyer", "Decision criteria",
                "Decision process", "Paper process", "Identify pain", "Champion", "Competition", "Sales team only");
        assertThat(element(page, "champion")).contains("class=\"meddpicc-element status-unknown required missing\"",
                "Required to share the plan", "Still to confirm", "Nobody named yet");
        assertThat(element(page, "metrics")).contains("class=\"meddpicc-element status-unknown\"")
                .doesNotContain("Required to share the plan");
        assertThat(page).containsPattern("2 required elements are still to confirm[^<]*<strong>Economic buyer</strong>,"
                + "\\s*<strong>Champion</strong>");
        assertThat(page).contains("href=\"/deals/" + deal.id() + "/qualification/champion/edit\"");
    }

    @Test
    void anElementIsEditedInPlaceWithHtmxAndTheCardShowsWhoChangedIt() throws Exception {
        String form = mvc.perform(get(path("champion") + "/edit").header("HX-Request", "true").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form.strip()).startsWith("<li id=\"qualification-champion\"").doesNotContain("<html")
                .contains("name=\"status\"", "name=\"notes\"", "name=\"contactName\"", "name=\"contactEmail\"",
                        "name=\"version\" value=\"0\"", "hx-post=\"" + path("champion") + "\"");

        String card = mvc.perform(save("champion", "CONFIRMED", "Sponsors the rollout " + marker, "Maria Pappa",
                        "maria@buyer.example", 0).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(card.strip()).startsWith("<section id=\"qualification\"").doesNotContain("<html");
        String champion = element(card, "champion");
        assertThat(champion).contains("status-confirmed required\"", "Confirmed", "Sponsors the rollout " + marker,
                "Maria Pappa", "maria@buyer.example", "Changed by " + rep.name())
                .doesNotContain("Still to confirm");
        assertThat(card).contains("One required element is still to confirm").contains("<strong>Economic buyer</strong>");
        Map<String, Object> row = jdbc.sql("select status, notes, contact_name, contact_email, updated_by, version "
                        + "from qualification where deal_id = :deal and element = 'CHAMPION'")
                .param("deal", deal.id().value()).query().singleRow();
        assertThat(row).containsEntry("status", "CONFIRMED").containsEntry("contact_name", "Maria Pappa")
                .containsEntry("contact_email", "maria@buyer.example").containsEntry("updated_by", rep.id())
                .containsEntry("version", 1L);
    }

    @Test
    void withoutHtmxTheEditLinkOpensAPageWithTheFormAndSavingGoesBackToTheDeal() throws Exception {
        String page = mvc.perform(get(path("metrics") + "/edit").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "Qualification · Qualified " + marker, "action=\"" + path("metrics") + "\"")
                .as("metrics is not a person: no contact fields").doesNotContain("name=\"contactEmail\"");

        mvc.perform(save("metrics", "PARTIAL", "Cut onboarding from 30 to 10 days", "", "", 0))
                .andExpect(redirectedUrl("/deals/" + deal.id() + "#qualification"));

        assertThat(element(dealPage(rep), "metrics")).contains("status-partial", "Partial",
                "Cut onboarding from 30 to 10 days");
    }

    @Test
    void aStaleEditKeepsWhatWasTypedBesideWhatIsSavedAndOverwritesNothing() throws Exception {
        qualification.update(viewer, deal.id(), MeddpiccElement.ECONOMIC_BUYER, new QualificationChange(
                QualificationStatus.PARTIAL, "Saved by a colleague " + marker, "Nikos CFO", null), 0);

        String answer = mvc.perform(save("economic_buyer", "CONFIRMED", "Typed by me " + marker, "Eleni CEO",
                        "eleni@buyer.example", 0).header("HX-Request", "true"))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#qualification-economic_buyer"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer.strip()).startsWith("<li id=\"qualification-economic_buyer\"");
        assertThat(answer).contains("Someone else changed this in the meantime. Nothing was overwritten",
                "Typed by me " + marker, "value=\"Eleni CEO\"", "value=\"eleni@buyer.example\"",
                "<dd class=\"qualification-notes\">Saved by a colleague " + marker + "</dd>", "<dd>Nikos CFO</dd>",
                "<dd>Partial</dd>", "name=\"version\" value=\"1\"");
        assertThat(jdbc.sql("select notes from qualification where deal_id = :deal and element = 'ECONOMIC_BUYER'")
                .param("deal", deal.id().value()).query(String.class).single())
                .isEqualTo("Saved by a colleague " + marker);

        mvc.perform(save("economic_buyer", "CONFIRMED", "Typed by me " + marker, "Eleni CEO", "eleni@buyer.example",
                        1))
                .andExpect(redirectedUrl("/deals/" + deal.id() + "#qualification"));
        assertThat(qualification.missingForConversion(deal.id())).doesNotContain(MeddpiccElement.ECONOMIC_BUYER);
    }

    @Test
    void badInputIsShownNextToItsFieldWithWhatWasTyped() throws Exception {
        String answer = mvc.perform(save("champion", "", "Notes kept " + marker, "Kostas", "not-an-email", 0)
                        .header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("This field is required.", "Enter a valid email address.",
                "Notes kept " + marker, "value=\"not-an-email\"", "value=\"Kostas\"");
        assertThat(jdbc.sql("select count(*) from qualification where deal_id = :deal")
                .param("deal", deal.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void whoeverMayNotChangeTheDealSeesTheCardReadOnly() throws Exception {
        String page = dealPage(teammate);

        assertThat(page).contains("id=\"qualification\"", "Only the deal’s owner and their manager can change")
                .doesNotContain("/qualification/champion/edit");
        mvc.perform(get(path("champion") + "/edit").with(SignIn.as(teammate))).andExpect(status().isForbidden());
        mvc.perform(save("champion", "CONFIRMED", "", "", "", 0).with(SignIn.as(teammate)))
                .andExpect(status().isForbidden());
        assertThat(qualification.missingForConversion(deal.id())).contains(MeddpiccElement.CHAMPION);

        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        mvc.perform(get(path("champion") + "/edit").with(SignIn.as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(path("nonsense") + "/edit").with(SignIn.as(rep))).andExpect(status().isNotFound());
    }

    @Test
    void theCardSpeaksGreek() throws Exception {
        String page = mvc.perform(get("/deals/" + deal.id()).locale(Locale.forLanguageTag("el")).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Αξιολόγηση ευκαιρίας (MEDDPICC)", "Οικονομικός αγοραστής",
                "Υποστηρικτής (champion)", "Μένει να επιβεβαιωθεί", "Άγνωστο");
    }

    private String dealPage(TestData.Seller seller) throws Exception {
        return mvc.perform(get("/deals/" + deal.id()).with(SignIn.as(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String path(String element) {
        return "/deals/" + deal.id() + "/qualification/" + element;
    }

    private MockHttpServletRequestBuilder save(String element, String status, String notes, String contactName,
            String contactEmail, long version) {
        return post(path(element)).with(SignIn.as(rep)).with(csrf())
                .param("status", status).param("notes", notes).param("contactName", contactName)
                .param("contactEmail", contactEmail).param("version", Long.toString(version));
    }

    /** The HTML of one element of the card. */
    private static String element(String html, String key) {
        int start = html.indexOf("<li id=\"qualification-" + key + "\"");
        assertThat(start).as("element %s on the page", key).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }
}
