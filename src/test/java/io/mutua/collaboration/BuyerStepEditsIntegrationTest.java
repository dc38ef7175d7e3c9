package io.mutua.collaboration;

import static io.mutua.collaboration.BuyerPlanPageIntegrationTest.stepOf;
import static io.mutua.collaboration.BuyerPlanPageIntegrationTest.weekday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.collaboration.MutualPlanFixtures.Fixture;
import io.mutua.identity.SignIn;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SectionView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Buyers working on the shared part of a plan, and the sales team seeing their work, through the whole stack. */
@IntegrationTest
class BuyerStepEditsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    PlanService plans;

    Fixture fixture;
    String buyer;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        buyer = fixture.mainContact().email();
    }

    // --- steps -----------------------------------------------------------------------------------------------

    @Test
    void theStatusSelectSavesAndTheSellerSeesTheBuyerAsWhoChangedIt() throws Exception {
        StepView step = fixture.sharedStep();

        String body = mvc.perform(htmx(post(stepPath(step) + "/status")).param("status", "IN_PROGRESS")
                        .param("version", String.valueOf(step.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).startsWith("<div id=\"plan-body\"").contains("<option value=\"IN_PROGRESS\" selected>");
        assertThat(current(step).status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(sellerPage()).contains("Chloe Champion", "changed the status of “" + step.title() + "”");
    }

    @Test
    void aDateChangeThatMovesOtherStepsIsShownFirstAndSavedOnlyOnConfirmation() throws Exception {
        PlanView plan = fixture.plan();
        StepView step = plan.steps().stream().filter(s -> s.visibility() == Visibility.SHARED)
                .filter(s -> plan.steps().stream().anyMatch(other -> other.visibility() == Visibility.SHARED
                        && other.dependsOn().contains(s.id())))
                .findFirst().orElseThrow();
        StepView dependent = plan.steps().stream().filter(other -> other.dependsOn().contains(step.id()))
                .findFirst().orElseThrow();
        LocalDate later = weekday(step.targetDate().plusWeeks(2));

        String preview = mvc.perform(htmx(post(stepPath(step))).params(form(step, step.title(), later))
                        .param("owners", owners(step)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#step-" + step.id()))
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Changing “" + step.title() + "” moves other steps", dependent.title(),
                "Confirm and move them", "name=\"confirm\" value=\"true\"");
        assertThat(current(step).targetDate()).isEqualTo(step.targetDate());

        mvc.perform(htmx(post(stepPath(step))).params(form(step, step.title(), later)).param("owners", owners(step))
                        .param("confirm", "true"))
                .andExpect(status().isOk());
        assertThat(current(step).targetDate()).isEqualTo(later);
        assertThat(current(dependent).targetDate()).isAfter(dependent.targetDate());
    }

    @Test
    void aStaleEditIsAConflictThatKeepsWhatTheBuyerTypedAndShowsWhatIsSaved() throws Exception {
        StepView step = fixture.sharedStep();
        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(),
                new StepUpdate("Seller title " + fixture.tag(), null, null, null, null, null), false);

        String conflict = mvc.perform(htmx(post(stepPath(step)))
                        .params(form(step, "Buyer title " + fixture.tag(), step.targetDate()))
                        .param("owners", owners(step)))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(conflict).contains("Someone else changed this step in the meantime",
                "value=\"Buyer title " + fixture.tag() + "\"", "<dd>Seller title " + fixture.tag() + "</dd>",
                "name=\"version\" value=\"" + (step.version() + 1) + "\"");
        assertThat(current(step).title()).isEqualTo("Seller title " + fixture.tag());
    }

    @Test
    void buyersNameOwnersOfEitherSideOrARoleAndDescribeSteps() throws Exception {
        StepView step = fixture.sharedStep();

        MultiValueMap<String, String> edit = form(step, "Agree the rollout " + fixture.tag(), step.targetDate());
        edit.set("description", "Bring **the numbers**");
        mvc.perform(htmx(post(stepPath(step))).params(edit)
                        .param("owners", "participant:" + fixture.colleague().id(),
                                "participant:" + fixture.accountExecutive().id(), "role:PROCUREMENT"))
                .andExpect(status().isOk());

        StepView saved = current(step);
        assertThat(saved.title()).isEqualTo("Agree the rollout " + fixture.tag());
        assertThat(saved.description()).isEqualTo("Bring **the numbers**");
        assertThat(saved.owners()).extracting(OwnerView::name)
                .containsExactlyInAnyOrder("Eric Economic", fixture.accountExecutive().name(), null);
        assertThat(saved.owners()).extracting(OwnerView::role).contains("PROCUREMENT");
        String page = mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(buyer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Agree the rollout " + fixture.tag(), "Bring <strong>the numbers</strong>",
                "<span class=\"owner placeholder\">Procurement</span>", "<span class=\"owner\">Eric Economic</span>");
        assertThat(sellerPage()).contains("changed the owners of “Agree the rollout " + fixture.tag() + "”");

        String refused = mvc.perform(htmx(post(stepPath(saved))).params(form(saved, saved.title(),
                                saved.targetDate()))
                        .param("owners", "user:" + UUID.randomUUID()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Name each owner as either a person or a role.");
        assertThat(current(step).owners()).hasSize(3);
    }

    @Test
    void buyersAddMilestonesAndSharedStepsThatTheSellerSees() throws Exception {
        mvc.perform(htmx(post(fixture.buyerPath() + "/milestones")).param("title", "Rollout " + fixture.tag()))
                .andExpect(status().isOk());
        MilestoneView milestone = plans.get(fixture.viewer(), fixture.planId()).milestones().stream()
                .filter(m -> m.title().equals("Rollout " + fixture.tag())).findFirst().orElseThrow();

        String body = mvc.perform(htmx(post(fixture.buyerPath() + "/steps"))
                        .param("milestoneId", milestone.id().toString()).param("title", "Pilot " + fixture.tag())
                        .param("durationDays", "5").param("targetDate", "")
                        .param("owners", "participant:" + fixture.mainContact().id()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("Rollout " + fixture.tag(), "Pilot " + fixture.tag());
        StepView added = plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(s -> s.title().equals("Pilot " + fixture.tag())).findFirst().orElseThrow();
        assertThat(added.visibility()).isEqualTo(Visibility.SHARED);
        assertThat(added.side()).isEqualTo(Side.BUYER);
        assertThat(added.milestoneId()).isEqualTo(milestone.id());
        assertThat(added.owners()).extracting(OwnerView::participantId).containsExactly(fixture.mainContact().id());
        String seller = sellerPage();
        assertThat(seller).contains("Pilot " + fixture.tag(), "added the milestone “Rollout " + fixture.tag() + "”",
                "added the step “Pilot " + fixture.tag() + "”");
        assertThat(seller.substring(seller.indexOf("id=\"plan-activity\""))).contains("Chloe Champion");
    }

    @Test
    void aRefusedNewStepKeepsTheFormOpenWithTheMessage() throws Exception {
        MilestoneView milestone = fixture.plan().milestones().get(0);

        String body = mvc.perform(htmx(post(fixture.buyerPath() + "/steps"))
                        .param("milestoneId", milestone.id().toString()).param("title", " ")
                        .param("durationDays", "400"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("This field is required.", "Enter a number of business days from 1 to 250.",
                "<details class=\"add-step\" open>", "value=\"400\"");
    }

    @Test
    void withoutJavaScriptChangesRedirectBackAndFragmentsLeadToThePage() throws Exception {
        StepView step = fixture.sharedStep();

        mvc.perform(post(stepPath(step) + "/status").with(BuyerSessions.as(buyer)).with(csrf())
                        .param("status", "BLOCKED").param("version", String.valueOf(step.version())))
                .andExpect(redirectedUrl(fixture.buyerPath() + "#step-" + step.id()));
        assertThat(current(step).status()).isEqualTo(StepStatus.BLOCKED);
        mvc.perform(get(fixture.buyerPath() + "/body").with(BuyerSessions.as(buyer)))
                .andExpect(redirectedUrl(fixture.buyerPath()));
        mvc.perform(get(stepPath(step)).with(BuyerSessions.as(buyer)))
                .andExpect(redirectedUrl(fixture.buyerPath() + "#step-" + step.id()));
        String editPage = mvc.perform(get(stepPath(step) + "/edit").with(BuyerSessions.as(buyer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(editPage).contains("<!DOCTYPE html>", "id=\"edit-" + step.id() + "-title\"");
    }

    @Test
    void aBuyersChangeNeedsTheCsrfToken() throws Exception {
        StepView step = fixture.sharedStep();

        mvc.perform(post(stepPath(step) + "/status").with(BuyerSessions.as(buyer)).header("HX-Request", "true")
                        .param("status", "DONE").param("version", String.valueOf(step.version())))
                .andExpect(status().isForbidden());

        assertThat(current(step).status()).isEqualTo(step.status());
    }

    // --- sections --------------------------------------------------------------------------------------------

    @Test
    void theBuyersMainContactWritesSectionsAndAStaleEditKeepsBothTexts() throws Exception {
        String path = fixture.buyerPath() + "/sections/problems";
        String form = mvc.perform(htmx(get(path + "/edit")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<section id=\"section-problems\"", "name=\"content\"",
                "name=\"version\" value=\"0\"");

        String saved = mvc.perform(htmx(post(path)).param("content", "We lose **three days** a month")
                        .param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(saved).contains("We lose <strong>three days</strong> a month").doesNotContain("<textarea");
        assertThat(section(SectionKey.PROBLEMS).content()).isEqualTo("We lose **three days** a month");

        String conflict = mvc.perform(htmx(post(path)).param("content", "My other text").param("version", "0"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Someone else changed this section in the meantime", ">My other text</textarea>",
                "We lose <strong>three days</strong> a month", "name=\"version\" value=\"1\"");
        assertThat(section(SectionKey.PROBLEMS).content()).isEqualTo("We lose **three days** a month");
    }

    @Test
    void otherBuyersReadSectionsButOnlyTheMainContactWritesThem() throws Exception {
        String colleague = fixture.colleague().email();
        String path = fixture.buyerPath() + "/sections/solution";

        String page = mvc.perform(get(fixture.buyerPath()).with(BuyerSessions.as(colleague)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Proposed solution").doesNotContain(path + "/edit");
        mvc.perform(get(path + "/edit").with(BuyerSessions.as(colleague)).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(BuyerSessions.as(colleague)).with(csrf()).param("content", "Mine")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(section(SectionKey.SOLUTION).content()).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.with(BuyerSessions.as(buyer)).with(csrf()).header("HX-Request", "true");
    }

    private String stepPath(StepView step) {
        return fixture.buyerPath() + "/steps/" + step.id();
    }

    private static MultiValueMap<String, String> form(StepView step, String title, LocalDate target) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("description", step.description() == null ? "" : step.description());
        form.add("status", step.status().name());
        form.add("targetDate", target.toString());
        form.add("version", String.valueOf(step.version()));
        return form;
    }

    private static String[] owners(StepView step) {
        return step.owners().stream().map(BuyerStepForm::value).toArray(String[]::new);
    }

    private StepView current(StepView step) {
        return stepOf(plans.get(fixture.viewer(), fixture.planId()), step.id());
    }

    private SectionView section(SectionKey key) {
        return plans.get(fixture.viewer(), fixture.planId()).sections().stream().filter(s -> s.key() == key)
                .findFirst().orElseThrow();
    }

    private String sellerPage() throws Exception {
        return mvc.perform(get(fixture.sellerPage()).with(SignIn.as(fixture.rep())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
