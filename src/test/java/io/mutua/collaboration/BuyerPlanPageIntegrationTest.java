package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.collaboration.MutualPlanFixtures.Fixture;
import io.mutua.collaboration.MutualPlanFixtures.Internal;
import io.mutua.identity.SignIn;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.NewStep;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.StepChange;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The buyer's plan page through the whole stack: what a buyer sees (and never sees), what they may change, and in
 * which language.
 */
@IntegrationTest
class BuyerPlanPageIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    BuyerPlans buyerPlans;
    @Autowired
    Comments comments;
    @Autowired
    Participants participants;
    @Autowired
    JdbcClient jdbc;

    Fixture fixture;
    String buyer;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        buyer = fixture.mainContact().email();
    }

    // --- what buyers see -------------------------------------------------------------------------------------

    @Test
    void theBuyerSeesTheSharedPlanWithItsSectionsPeopleAndSteps() throws Exception {
        plans.describe(fixture.viewer(), fixture.planId(), new PlanDetails("en", LocalDate.of(2031, 3, 14),
                LocalDate.of(2031, 6, 2), null), fixture.plan().version());
        long version = plans.get(fixture.viewer(), fixture.planId()).sections().get(0).version();
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.PROBLEMS,
                "Month-end close takes **twelve days**", version);

        String html = page(buyer);

        assertThat(html).contains("Mutual action plan", "Account " + fixture.tag(),
                "Target signature", "Mar 14, 2031", "Target go-live", "Jun 2, 2031",
                "Problems we are solving", "Month-end close takes <strong>twelve days</strong>",
                "Chloe Champion", "Head of Operations", "Eric Economic", "CFO", "Economic buyer",
                fixture.accountExecutive().name(), "mailto:" + fixture.accountExecutive().email(),
                "mailto:" + buyer, fixture.sharedStep().title(),
                "id=\"step-" + fixture.sharedStep().id() + "\"", "id=\"plan-body\"");
        assertThat(html).as("engagement and the other buyer's email stay out")
                .doesNotContain(fixture.colleague().email(), "Last seen", "visits");
        assertThat(participants.list(fixture.viewer(), fixture.planId()).stream()
                .filter(p -> p.id().equals(fixture.mainContact().id())).findFirst().orElseThrow().visits())
                .as("opening the page counts as a visit for the sales team's engagement view").isOne();
        assertThat(html).as("only shared steps")
                .doesNotContain(fixture.plan().steps().stream().filter(s -> s.visibility() == Visibility.INTERNAL)
                        .map(s -> "id=\"step-" + s.id() + "\"").toArray(String[]::new));
    }

    @Test
    void nothingInternalReachesTheBuyerOnAnyPageOrFragment() throws Exception {
        Internal internal = fixtures.seedInternal(fixture);
        comments.addBySeller(fixture.viewer(), fixture.planId(), null, "Shared note " + fixture.tag(), false);

        List<String> responses = new ArrayList<>();
        responses.add(page(buyer));
        responses.add(htmx(buyer, fixture.buyerPath()));
        responses.add(htmx(buyer, fixture.buyerPath() + "/body"));
        responses.add(htmx(buyer, fixture.buyerPath() + "/comments"));
        responses.add(htmx(buyer, fixture.buyerPath() + "/attachments"));
        PlanView seen = buyerPlans.view(fixture.planId());
        for (StepView step : seen.steps()) {
            responses.add(htmx(buyer, fixture.buyerPath() + "/steps/" + step.id()));
            responses.add(htmx(buyer, fixture.buyerPath() + "/steps/" + step.id() + "/edit"));
        }
        for (SectionKey key : SectionKey.values()) {
            String section = fixture.buyerPath() + "/sections/" + key.name().toLowerCase().replace('_', '-');
            responses.add(htmx(buyer, section));
            responses.add(htmx(buyer, section + "/edit"));
        }

        assertThat(responses.get(0)).contains("Shared note " + fixture.tag(), fixture.sharedStep().title());
        assertThat(seen.steps()).isNotEmpty().allMatch(step -> step.visibility() == Visibility.SHARED);
        for (String response : responses) {
            assertThat(response).doesNotContain(internal.secret(), fixture.deal().name());
        }
        String step = fixture.buyerPath() + "/steps/" + internal.step().id();
        mvc.perform(get(step).with(BuyerSessions.as(buyer)).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get(step + "/edit").with(BuyerSessions.as(buyer)).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(get(fixture.buyerPath() + "/attachments/" + internal.attachmentId()).with(BuyerSessions.as(buyer)))
                .andExpect(status().isNotFound());
        mvc.perform(get(fixture.buyerPath() + "/attachments/" + internal.stepAttachmentId())
                .with(BuyerSessions.as(buyer))).andExpect(status().isNotFound());
        mvc.perform(post(step + "/status").with(BuyerSessions.as(buyer)).with(csrf())
                        .param("status", "DONE").param("version", String.valueOf(internal.step().version())))
                .andExpect(status().isNotFound());
        assertThat(plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(s -> s.id().equals(internal.step().id())).findFirst().orElseThrow().status())
                .isEqualTo(StepStatus.NOT_STARTED);
    }

    @Test
    void aBuyersEditNeverHandsBackInternalStepsEvenWhenTheCascadeMovesThem() {
        Internal internal = fixtures.seedInternal(fixture);
        StepView shared = fixture.sharedStep();
        StepView dependent = plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(shared.milestoneId(),
                "Depends " + internal.secret(), null, Side.SELLER, Visibility.INTERNAL, 2, null,
                List.of(shared.id()), null));

        StepChange change = buyerPlans.updateStep(fixture.planId(), fixture.mainContact().id(), shared.id(),
                shared.version(), StepUpdate.targetDate(weekday(shared.targetDate().plusWeeks(3))), true);

        assertThat(stepOf(plans.get(fixture.viewer(), fixture.planId()), dependent.id()).targetDate())
                .as("the cascade moved the internal step").isAfter(dependent.targetDate());
        assertThat(change.plan().steps()).isNotEmpty().allMatch(step -> step.visibility() == Visibility.SHARED);
        assertThat(change.moved()).allMatch(step -> step.visibility() == Visibility.SHARED);
        assertThat(change.plan().milestones()).noneMatch(m -> m.title().contains(internal.secret()));
    }

    @Test
    void aBuyerOfOnePlanGetsNotFoundForEveryAddressOfAnother() throws Exception {
        Fixture other = fixtures.mutualPlan();
        Internal internal = fixtures.seedInternal(other);
        comments.addBySeller(other.viewer(), other.planId(), null, "Other plan " + other.tag(), false);
        StepView step = other.sharedStep();
        String base = other.buyerPath();

        for (String path : List.of(base, base + "/body", base + "/steps/" + step.id(), base + "/steps/" + step.id()
                + "/edit", base + "/comments", base + "/attachments", base + "/attachments/"
                + internal.attachmentId(), base + "/sections/problems", base + "/sections/problems/edit")) {
            mvc.perform(get(path).with(BuyerSessions.as(buyer))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(BuyerSessions.as(buyer)).header("HX-Request", "true"))
                    .andExpect(status().isNotFound());
        }
        for (String path : List.of(base + "/steps/" + step.id(), base + "/steps/" + step.id() + "/status",
                base + "/steps", base + "/milestones", base + "/comments", base + "/sections/problems")) {
            mvc.perform(post(path).with(BuyerSessions.as(buyer)).with(csrf()).param("title", "Sneaky")
                            .param("body", "Sneaky").param("status", "DONE").param("content", "Sneaky")
                            .param("version", "0")
                            .param("milestoneId", other.plan().milestones().get(0).id().toString())
                            .param("durationDays", "2").param("targetDate", "2031-01-06"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(multipart(base + "/attachments")
                        .file(MutualPlanFixtures.text("sneaky.txt", "Sneaky")).with(BuyerSessions.as(buyer))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from comment where plan_id = :plan and body like 'Sneaky%'")
                .param("plan", other.planId()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from plan_milestone where plan_id = :plan and title = 'Sneaky'")
                .param("plan", other.planId()).query(Integer.class).single()).isZero();
    }

    @Test
    void aSellerSessionIsNotABuyerAndABuyerSessionReachesNoSellerPage() throws Exception {
        mvc.perform(get(fixture.buyerPath()).with(SignIn.as(fixture.rep()))).andExpect(status().isNotFound());
        mvc.perform(get(fixture.sellerPage()).with(BuyerSessions.as(buyer))).andExpect(status().isNotFound());
        mvc.perform(get(fixture.sellerPath() + "/comments").with(BuyerSessions.as(buyer)))
                .andExpect(status().isNotFound());
    }

    // --- language --------------------------------------------------------------------------------------------

    @Test
    void buyerPagesSpeakThePlansLanguageUntilTheBuyerSwitches() throws Exception {
        plans.describe(fixture.viewer(), fixture.planId(), new PlanDetails("el", null, null, null),
                fixture.plan().version());

        String greek = mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(buyer))
                        .header("Accept-Language", "en-US"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(greek).contains("lang=\"el\"", "Κοινό πλάνο δράσης", "Εμπλεκόμενοι", "Σχόλια")
                .doesNotContain("Mutual action plan");
        assertThat(greek).as("a visible language switch").contains("action=\"/language\"", "value=\"en\"",
                "value=\"el\"", "English");

        MvcResult switched = mvc.perform(post("/language").with(BuyerSessions.as(buyer)).with(csrf())
                        .param("lang", "en").param("back", fixture.buyerPath()))
                .andExpect(redirectedUrl(fixture.buyerPath())).andReturn();
        Cookie language = switched.getResponse().getCookie("MUTUA_LANG");
        assertThat(language).isNotNull();

        String english = mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(buyer)).cookie(language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("lang=\"en\"", "Mutual action plan", "Stakeholders")
                .doesNotContain("Κοινό πλάνο δράσης");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String page(String email) throws Exception {
        return mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(email)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String htmx(String email, String path) throws Exception {
        return mvc.perform(htmxGet(path).with(BuyerSessions.as(email)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder htmxGet(String path) {
        return get(path).header("HX-Request", "true");
    }

    static StepView stepOf(PlanView plan, UUID stepId) {
        return plan.steps().stream().filter(step -> step.id().equals(stepId)).findFirst().orElseThrow();
    }

    static LocalDate weekday(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
