package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Money;
import io.mutua.deals.Qualification;
import io.mutua.deals.QualificationChange;
import io.mutua.deals.QualificationStatus;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The seller's plan page around sharing the plan: what qualification still misses, converting (and a manager's
 * override with its recorded reason), then the mutual action plan's details and Markdown sections, and marking
 * steps internal.
 */
@IntegrationTest
class MutualPlanWebIntegrationTest {

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
    Users users;
    @Autowired
    JdbcClient jdbc;

    TestData.Seller rep;
    TestData.Seller manager;
    TestData.Seller teammate;
    Viewer viewer;
    String marker;
    DealView deal;
    PlanView plan;

    @BeforeEach
    void aClosingPlan() {
        UUID team = data.team("Mutual plan");
        rep = data.user("REP", team);
        manager = data.user("MANAGER", team);
        teammate = data.user("REP", team);
        viewer = users.viewer(rep.id());
        marker = TestData.unique();
        deal = deals.create(viewer, new DealDetails("Shared " + marker, "Account " + marker,
                Money.of("80000", "EUR"), rep.id(), LocalDate.now().plusMonths(4), null, null), "prospecting");
        plan = plans.generate(viewer, deal.id());
    }

    // --- conversion --------------------------------------------------------------------------------------------

    @Test
    void aClosingPlanListsWhatQualificationStillMissesByName() throws Exception {
        String english = page(rep);
        String panel = panel(english);
        assertThat(panel).contains("Share with the buyer", "2 required qualification elements are not confirmed yet",
                "<li>Economic buyer</li>", "<li>Champion</li>", "href=\"/deals/" + deal.id() + "#qualification\"",
                "Until then, only a sales manager can share the plan")
                .containsPattern("<button type=\"submit\" class=\"button primary\" disabled>Convert into a mutual "
                        + "action plan</button>")
                .doesNotContain("name=\"overrideReason\"");

        String greek = mvc.perform(get(planPath()).locale(Locale.forLanguageTag("el")).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel(greek)).contains("Κοινή χρήση με τον αγοραστή", "<li>Οικονομικός αγοραστής</li>",
                "<li>Υποστηρικτής (champion)</li>");

        assertThat(panel(page(manager))).contains("Share before qualification is complete", "name=\"overrideReason\"",
                "name=\"override\" value=\"true\"");
        assertThat(panel(page(teammate))).as("who may not change the deal gets no buttons")
                .doesNotContain("/convert");
    }

    @Test
    void conversionIsRefusedWhileRequiredElementsAreMissing() throws Exception {
        confirm(MeddpiccElement.CHAMPION);

        String answer = mvc.perform(convert(rep, plan.version())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("The deal is not qualified enough to share the plan yet: one required "
                + "qualification element is still to confirm.", "<li>Economic buyer</li>")
                .doesNotContain("<li>Champion</li>");
        assertThat(kind()).isEqualTo("CLOSING");
    }

    @Test
    void aQualifiedPlanBecomesAMutualActionPlanOnceAndThePageSaysWhoConvertedIt() throws Exception {
        confirm(MeddpiccElement.CHAMPION);
        confirm(MeddpiccElement.ECONOMIC_BUYER);
        assertThat(panel(page(rep))).contains("The deal is qualified: the plan can be shared.")
                .containsPattern("<button type=\"submit\" class=\"button primary\">Convert into a mutual action plan");

        mvc.perform(convert(rep, plan.version())).andExpect(redirectedUrl(planPath() + "#plan-mutual"));

        assertThat(kind()).isEqualTo("MUTUAL");
        String page = page(rep);
        assertThat(page).contains("<p class=\"eyebrow\">Mutual action plan</p>",
                "<span class=\"badge large map-badge\">Mutual action plan</span>", "Converted by " + rep.name())
                .doesNotContain("Shared before qualification was complete", "Share with the buyer");
        assertThat(activity(page)).contains("made the plan a mutual action plan");

        mvc.perform(convert(rep, plans.get(viewer, plan.id()).version()))
                .andExpect(status().isConflict())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("This plan is already a mutual action plan."));
    }

    @Test
    void aManagerMayShareEarlyWithAReasonThatIsRecordedAndShownToSellers() throws Exception {
        mvc.perform(override(manager, "   ")).andExpect(status().isUnprocessableContent())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("This field is required.").contains("<details class=\"override\" open"));
        assertThat(kind()).isEqualTo("CLOSING");

        String reason = "Board meets on Friday " + marker;
        mvc.perform(override(manager, reason)).andExpect(redirectedUrl(planPath() + "#plan-mutual"));

        assertThat(kind()).isEqualTo("MUTUAL");
        assertThat(jdbc.sql("select conversion_override from plan where id = :id").param("id", plan.id())
                .query(String.class).single()).isEqualTo(reason);
        String page = page(rep);
        assertThat(panel(page)).contains("Converted by " + manager.name(),
                "Shared before qualification was complete. Reason:</strong> " + reason);
        assertThat(activity(page)).contains("made the plan a mutual action plan", reason, "Economic buyer, Champion");
    }

    @Test
    void aRepCannotOverrideAndAStaleVersionChangesNothing() throws Exception {
        mvc.perform(override(rep, "Because I say so " + marker)).andExpect(status().isForbidden());
        assertThat(kind()).isEqualTo("CLOSING");

        confirm(MeddpiccElement.CHAMPION);
        confirm(MeddpiccElement.ECONOMIC_BUYER);
        mvc.perform(convert(rep, plan.version() + 5)).andExpect(status().isConflict())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Someone else changed this plan in the meantime"));
        assertThat(kind()).isEqualTo("CLOSING");
    }

    // --- details and sections ----------------------------------------------------------------------------------

    @Test
    void sectionsAreRenderedAsSafeMarkdownAndAnEmptyOneExplainsWhatGoesInIt() throws Exception {
        PlanView mutual = mutual();
        String markdown = "We **must** cut costs " + marker + "\n\n<script>alert('pwned')</script>\n\n"
                + "[click me](javascript:alert(1)) <img src=x onerror=alert(2)>";

        mvc.perform(section(mutual, "problems", markdown, 0).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString().strip())
                        .startsWith("<section id=\"plan-mutual\""));

        String page = page(rep);
        String problems = between(page, "<section class=\"map-section\" id=\"section-problems\"", "</section>");
        assertThat(problems).contains("Problems the buyer is solving", "<strong>must</strong> cut costs " + marker)
                .contains("&lt;script&gt;alert('pwned')&lt;/script&gt;", "<a rel=\"nofollow\">click me</a>")
                .doesNotContain("<script", "href=\"javascript:", "<img")
                .doesNotContainPattern("<[a-z]+[^>]*\\son[a-z]+=");
        assertThat(page).doesNotContain("<script>alert", "href=\"javascript:");
        assertThat(between(page, "id=\"section-solution\"", "</section>")).contains("Proposed solution",
                "Nothing written yet. Outline what we propose");
        assertThat(activity(page)).contains("changed the section Problems the buyer is solving");

        mvc.perform(section(mutual, "solution", "Not mine to write", 0).with(SignIn.as(teammate)))
                .andExpect(status().isForbidden());
        mvc.perform(details(mutual, "el", null, "", plans.get(viewer, mutual.id()).version())
                .with(SignIn.as(teammate))).andExpect(status().isForbidden());
        assertThat(sectionText(mutual, SectionKey.SOLUTION)).isEmpty();
        assertThat(between(page(teammate), "<section id=\"plan-mutual\"", "<section class=\"panel plan-summary\""))
                .as("read-only for whoever may not change the deal").contains("<strong>must</strong> cut costs")
                .doesNotContain("<form");
    }

    @Test
    void aStaleSectionEditKeepsBothTextsAndOverwritesNothing() throws Exception {
        PlanView mutual = mutual();
        plans.writeSection(viewer, mutual.id(), SectionKey.SUCCESS_CRITERIA, "Their criteria " + marker, 0);

        String answer = mvc.perform(section(mutual, "success_criteria", "My criteria " + marker, 0)
                        .header("HX-Request", "true"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        String edit = between(answer, "id=\"section-success_criteria\"", "</section>");
        assertThat(edit).contains("Someone else changed this section in the meantime",
                "<pre class=\"saved-text\">Their criteria " + marker + "</pre>",
                ">My criteria " + marker + "</textarea>", "name=\"version\" value=\"1\"",
                "<details class=\"edit-section\" open");
        assertThat(sectionText(mutual, SectionKey.SUCCESS_CRITERIA)).isEqualTo("Their criteria " + marker);

        String cancelled = mvc.perform(get("/plans/" + mutual.id() + "/mutual").header("HX-Request", "true")
                .with(SignIn.as(rep))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cancelled.strip()).as("cancel brings the panel back as it is saved")
                .startsWith("<section id=\"plan-mutual\"").contains("Their criteria " + marker)
                .doesNotContain("My criteria " + marker);
        mvc.perform(get("/plans/" + mutual.id() + "/mutual").with(SignIn.as(rep)))
                .andExpect(redirectedUrl(planPath() + "#plan-mutual"));

        mvc.perform(section(mutual, "success_criteria", "My criteria " + marker, 1))
                .andExpect(redirectedUrl(planPath() + "#plan-mutual"));
        assertThat(sectionText(mutual, SectionKey.SUCCESS_CRITERIA)).isEqualTo("My criteria " + marker);
        mvc.perform(section(mutual, "key_dates", "x", 0)).andExpect(status().isNotFound());
    }

    @Test
    void theDetailsFormChecksDomainsAndSavesLanguageDatesAndDomains() throws Exception {
        PlanView mutual = mutual();
        LocalDate signature = LocalDate.now().plusMonths(2);

        String refused = mvc.perform(details(mutual, "el", signature, "buyer.example, not a domain", mutual.version())
                        .header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("“not” is not an email domain, such as example.com.",
                "value=\"buyer.example, not a domain\"", "<details class=\"edit-details\" open");

        mvc.perform(details(mutual, "el", signature, "@Buyer.example; sub.buyer.example", mutual.version()))
                .andExpect(redirectedUrl(planPath() + "#plan-mutual"));

        PlanView saved = plans.get(viewer, mutual.id());
        assertThat(saved.language()).isEqualTo("el");
        assertThat(saved.targetSignature()).isEqualTo(signature);
        assertThat(saved.allowedDomains()).isEqualTo("buyer.example, sub.buyer.example");
        String details = between(page(rep), "id=\"map-details\"", "</section>");
        assertThat(details).contains("<dd>Ελληνικά</dd>", "<dd>buyer.example, sub.buyer.example</dd>");

        String stale = mvc.perform(details(mutual, "en", null, "mine.example", mutual.version()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Someone else changed the plan’s details in the meantime",
                "value=\"mine.example\"", "<dd>buyer.example, sub.buyer.example</dd>",
                "name=\"version\" value=\"" + saved.version() + "\"");
        assertThat(plans.get(viewer, mutual.id()).allowedDomains()).isEqualTo("buyer.example, sub.buyer.example");
    }

    // --- steps: internal or shared -----------------------------------------------------------------------------

    @Test
    void aSellerMarksAStepInternalAndTheMutualPlanShowsItIsForTheSalesTeamOnly() throws Exception {
        PlanView mutual = mutual();
        StepView step = mutual.steps().stream()
                .filter(s -> s.side() == Side.SELLER && s.visibility() == Visibility.SHARED).findFirst()
                .orElseThrow();
        String form = mvc.perform(get("/plans/" + mutual.id() + "/steps/" + step.id() + "/edit")
                        .header("HX-Request", "true").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"visibility\"", "Internal steps are never shown to the buyer");

        mvc.perform(editStep(mutual, step, "INTERNAL")).andExpect(redirectedUrl(planPath()));

        StepView changed = plans.get(viewer, mutual.id()).steps().stream().filter(s -> s.id().equals(step.id()))
                .findFirst().orElseThrow();
        assertThat(changed.visibility()).isEqualTo(Visibility.INTERNAL);
        String row = between(page(rep), "<tbody id=\"step-" + step.id() + "\"", "</tbody>");
        assertThat(row).contains("internal-on-map", "Internal: hidden from the buyer");
        assertThat(activity(page(rep))).contains("changed who sees “" + step.title() + "”");

        StepView buyerStep = mutual.steps().stream().filter(s -> s.side() == Side.BUYER).findFirst().orElseThrow();
        mvc.perform(editStep(mutual, buyerStep, "INTERNAL")).andExpect(status().isUnprocessableContent());
        assertThat(plans.get(viewer, mutual.id()).steps().stream().filter(s -> s.id().equals(buyerStep.id()))
                .findFirst().orElseThrow().visibility()).isEqualTo(Visibility.SHARED);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private PlanView mutual() {
        confirm(MeddpiccElement.CHAMPION);
        confirm(MeddpiccElement.ECONOMIC_BUYER);
        return plans.convert(viewer, plan.id(), null, plan.version());
    }

    private void confirm(MeddpiccElement element) {
        long version = qualification.card(viewer, deal.id()).stream().filter(item -> item.element() == element)
                .findFirst().orElseThrow().version();
        qualification.update(viewer, deal.id(), element, new QualificationChange(QualificationStatus.CONFIRMED,
                null, null, null), version);
    }

    private String planPath() {
        return "/deals/" + deal.id() + "/plan";
    }

    private String page(TestData.Seller seller) throws Exception {
        return mvc.perform(get(planPath()).with(SignIn.as(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String kind() {
        return jdbc.sql("select kind from plan where id = :id").param("id", plan.id()).query(String.class).single();
    }

    private String sectionText(PlanView mutual, SectionKey key) {
        return plans.get(viewer, mutual.id()).sections().stream().filter(s -> s.key() == key).findFirst()
                .orElseThrow().content();
    }

    private MockHttpServletRequestBuilder convert(TestData.Seller seller, long version) {
        return post("/plans/" + plan.id() + "/convert").with(SignIn.as(seller)).with(csrf())
                .param("version", Long.toString(version));
    }

    private MockHttpServletRequestBuilder override(TestData.Seller seller, String reason) {
        return convert(seller, plan.version()).param("override", "true").param("overrideReason", reason);
    }

    private MockHttpServletRequestBuilder section(PlanView mutual, String key, String content, long version) {
        return post("/plans/" + mutual.id() + "/sections/" + key).with(SignIn.as(rep)).with(csrf())
                .param("content", content).param("version", Long.toString(version));
    }

    private MockHttpServletRequestBuilder details(PlanView mutual, String language, LocalDate signature,
            String domains, long version) {
        return post("/plans/" + mutual.id() + "/details").with(SignIn.as(rep)).with(csrf())
                .param("language", language).param("targetSignature", signature == null ? "" : signature.toString())
                .param("targetGoLive", "").param("allowedDomains", domains).param("version", Long.toString(version));
    }

    private MockHttpServletRequestBuilder editStep(PlanView mutual, StepView step, String visibility) {
        MockHttpServletRequestBuilder request = post("/plans/" + mutual.id() + "/steps/" + step.id())
                .with(SignIn.as(rep)).with(csrf())
                .param("title", step.title()).param("description", step.description() == null ? ""
                        : step.description())
                .param("status", step.status().name()).param("targetDate", step.targetDate().toString())
                .param("version", Long.toString(step.version())).param("visibility", visibility);
        for (OwnerView owner : step.owners()) {
            request.param("owners", StepForm.value(owner));
        }
        if (step.pinned()) {
            request.param("pinned", "true");
        }
        return request;
    }

    private static String panel(String page) {
        return between(page, "<section id=\"plan-mutual\"", "<section class=\"panel plan-summary\"");
    }

    private static String activity(String page) {
        return page.substring(page.indexOf("id=\"plan-activity\""));
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s on the page", start).isNotNegative();
        int to = html.indexOf(end, from + start.length());
        return html.substring(from, to < 0 ? html.length() : to);
    }
}
