package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.ConflictException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class PlanWebIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    TestData.Seller rep;
    TestData.Seller teammate;
    TestData.Seller stranger;
    Viewer viewer;
    String marker;

    @BeforeEach
    void aTeam() {
        UUID team = data.team("Plan page");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        stranger = data.user("REP", data.team("Elsewhere"));
        viewer = users.viewer(rep.id());
        marker = TestData.unique();
    }

    // --- the page with and without a plan ----------------------------------------------------------------------

    @Test
    void aDealWithoutAPlanExplainsItAndOffersToGenerateOneToWhoeverMayChangeTheDeal() throws Exception {
        DealView deal = dealWithoutPlan();

        String mine = page(deal, rep);
        assertThat(mine).contains("This deal has no closing plan yet", "Generate plan",
                "action=\"/deals/" + deal.id() + "/plan\"");
        String theirs = page(deal, teammate);
        assertThat(theirs).contains("This deal has no closing plan yet").doesNotContain("Generate plan");

        String dealPage = mvc.perform(get("/deals/" + deal.id()).with(SignIn.as(teammate)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dealPage).contains("href=\"/deals/" + deal.id() + "/plan\"", "Closing plan");
    }

    @Test
    void generatingByHandMakesThePlanOnceAndASecondTryIsAConflict() throws Exception {
        DealView deal = dealWithoutPlan();

        mvc.perform(post("/deals/" + deal.id() + "/plan").with(SignIn.as(rep)).with(csrf()))
                .andExpect(redirectedUrl("/deals/" + deal.id() + "/plan"));
        assertThat(planCount(deal)).isEqualTo(1);
        PlanView plan = plans.findForDeal(viewer, deal.id()).orElseThrow();
        assertThat(activityActions(plan)).containsExactly("GENERATED");

        mvc.perform(post("/deals/" + deal.id() + "/plan").with(SignIn.as(rep)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(says("This deal already has a closing plan."));
        mvc.perform(post("/deals/" + deal.id() + "/plan").with(SignIn.as(teammate)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(planCount(deal)).isEqualTo(1);
    }

    @Test
    void thePlanPageShowsTheProjectPlanWithDatesSourcesAndOverdueSteps() throws Exception {
        DealView deal = dealWithoutPlan();
        PlanView plan = planFor(deal);
        List<StepView> steps = plan.steps();
        setEstimate(steps.get(0), "STEP_HISTORY", 14);
        setEstimate(steps.get(1), "STAGE_HISTORY", 7);
        setEstimate(steps.get(2), "PLAYBOOK_DEFAULT", 0);
        StepView late = steps.get(3);
        jdbc.sql("update plan_step set target_date = :past where id = :id")
                .param("past", LocalDate.now().minusDays(10)).param("id", late.id()).update();

        String html = page(deal, rep);

        assertThat(html).contains(deal.name(), "Mid-market", "Planned end", "Expected close date",
                "id=\"plan-feasibility\"", "median of 14 deals", "stage median (7 deals)", "playbook default",
                "Regenerate", "hx-confirm=");
        for (MilestoneView milestone : plan.milestones()) {
            assertThat(html).contains("id=\"milestone-" + milestone.id() + "\"");
        }
        assertThat(html).contains("id=\"step-" + late.id() + "\" class=\"step status-not_started overdue\"")
                .containsPattern("id=\"plan-overdue\">1 step<");
        assertThat(html).containsPattern("<span class=\"flag (feasible\" id=\"plan-feasibility\">Feasible"
                + "|infeasible\" id=\"plan-feasibility\">\\d+ business days? over)");
        assertThat(html).contains("<span class=\"owner\">" + rep.name() + "</span>",
                "<span class=\"owner placeholder\">Champion</span>");
    }

    // --- step edits --------------------------------------------------------------------------------------------

    @Test
    void theEditFormComesAsARowFragmentForHtmxAndAsTheWholePageOtherwise() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);
        String path = "/plans/" + plan.id() + "/steps/" + step.id() + "/edit";

        String fragment = mvc.perform(get(path).header("HX-Request", "true").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment.strip()).startsWith("<tbody id=\"step-" + step.id() + "\" class=\"step editing\">")
                .doesNotContain("<html").contains("name=\"targetDate\"", "name=\"owners\"", "name=\"pinned\"");

        String whole = mvc.perform(get(path).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(whole).contains("<html", "id=\"plan-body\"", "name=\"targetDate\"",
                "id=\"step-" + step.id() + "\" class=\"step editing\"");

        String back = mvc.perform(get("/plans/" + plan.id() + "/steps/" + step.id()).header("HX-Request", "true")
                .with(SignIn.as(rep))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back.strip()).startsWith("<tbody id=\"step-" + step.id() + "\" class=\"step status-not_started");
    }

    @Test
    void aStatusChangeWithHtmxAnswersWithThePlanAndIsLogged() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);

        String body = mvc.perform(post("/plans/" + plan.id() + "/steps/" + step.id() + "/status")
                        .header("HX-Request", "true").with(SignIn.as(rep)).with(csrf())
                        .param("status", "IN_PROGRESS").param("version", String.valueOf(step.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body.strip()).startsWith("<div id=\"plan-body\"").doesNotContain("<html");
        assertThat(jdbc.sql("select status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("select started_at is not null from plan_step where id = :id").param("id", step.id())
                .query(Boolean.class).single()).isTrue();
        String activity = body.substring(body.indexOf("id=\"plan-activity\""));
        assertThat(activity).contains("changed the status of", rep.name(), "Not started", "In progress");
        assertThat(body).as("regenerating is offered only while nobody has changed the plan")
                .doesNotContain("/regenerate");
    }

    @Test
    void aNewTargetDateIsPreviewedFirstAndConfirmingMovesTheStepsThatDependOnIt() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = withDependents(plan);
        Map<UUID, LocalDate> before = targets(plan);
        LocalDate later = nextWeekday(step.targetDate().plusDays(14));

        String preview = mvc.perform(edit(plan, step, Map.of("targetDate", later.toString()))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#step-" + step.id()))
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("moves other steps", "Confirm and move them", "plan end",
                "name=\"confirm\" value=\"true\"").containsPattern("Moves \\d+ steps?; plan end");
        assertThat(targets(plans.get(viewer, plan.id()))).as("a preview changes nothing").isEqualTo(before);

        mvc.perform(edit(plan, step, Map.of("targetDate", later.toString(), "confirm", "true")))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));

        Map<UUID, LocalDate> after = targets(plans.get(viewer, plan.id()));
        assertThat(after.get(step.id())).isEqualTo(later);
        List<StepView> dependents = plan.steps().stream().filter(other -> other.dependsOn().contains(step.id()))
                .toList();
        assertThat(dependents).isNotEmpty().allSatisfy(dependent ->
                assertThat(after.get(dependent.id())).isAfter(before.get(dependent.id())));
        assertThat(activityActions(plan)).contains("TARGET_DATE", "MOVED_BY_CASCADE");
    }

    @Test
    void finishingAStepLateIsPreviewedAndConfirmingMovesWhatWaitsForIt() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = withDependents(plan);
        LocalDate due = LocalDate.now().minusDays(14);
        jdbc.sql("update plan_step set target_date = :due where id = :id").param("due", due).param("id", step.id())
                .update();
        Map<UUID, LocalDate> before = targets(plans.get(viewer, plan.id()));

        String preview = mvc.perform(post("/plans/" + plan.id() + "/steps/" + step.id() + "/status")
                        .header("HX-Request", "true").with(SignIn.as(rep)).with(csrf())
                        .param("status", "DONE").param("version", String.valueOf(step.version())))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#step-" + step.id()))
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Confirm and move them", "name=\"status\" value=\"DONE\"");
        assertThat(jdbc.sql("select status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("NOT_STARTED");

        StepView current = stepOf(plans.get(viewer, plan.id()), step.id());
        mvc.perform(edit(plan, current, Map.of("status", "DONE", "confirm", "true")).header("HX-Request", "true"))
                .andExpect(status().isOk());

        PlanView after = plans.get(viewer, plan.id());
        assertThat(stepOf(after, step.id()).status()).isEqualTo(StepStatus.DONE);
        plan.steps().stream().filter(other -> other.dependsOn().contains(step.id())).forEach(dependent ->
                assertThat(stepOf(after, dependent.id()).targetDate()).isAfter(before.get(dependent.id())));
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentValuesAndOverwritesNothing() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(1);
        plans.updateStep(users.viewer(rep.id()), plan.id(), step.id(), step.version(),
                new StepUpdate("Theirs " + marker, null, null, null, null, null), true);

        String answer = mvc.perform(edit(plan, step, Map.of("title", "Mine " + marker)).header("HX-Request", "true"))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#step-" + step.id()))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("Someone else changed this step", "Theirs " + marker,
                "value=\"Mine " + marker + "\"", "name=\"version\" value=\"" + (step.version() + 1) + "\"");
        assertThat(jdbc.sql("select title from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("Theirs " + marker);

        mvc.perform(post("/plans/" + plan.id() + "/steps/" + step.id() + "/status").with(SignIn.as(rep))
                        .with(csrf()).param("status", "DONE").param("version", String.valueOf(step.version())))
                .andExpect(status().isConflict())
                .andExpect(says("Someone else changed this step"));
        assertThat(jdbc.sql("select status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("NOT_STARTED");
    }

    @Test
    void descriptionsAreRenderedFromMarkdownAndNeverCarryScripts() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);
        String description = "**Bold " + marker + "**\n\n<script>alert('owned')</script>\n\n"
                + "[click](javascript:alert(1)) <img src=x onerror=alert(2)>";

        mvc.perform(edit(plan, step, Map.of("description", description)))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));

        String html = page(plans.get(viewer, plan.id()).dealId(), rep);
        assertThat(html).contains("<strong>Bold " + marker + "</strong>")
                .doesNotContain("<script>alert", "javascript:alert", "<img");
    }

    @Test
    void badInputInTheEditFormIsShownNextToTheFieldAndNothingIsSaved() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);

        String blank = mvc.perform(edit(plan, step, Map.of("title", " ", "status", "DONE"))
                        .header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("HX-Retarget", "#step-" + step.id()))
                .andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("This field is required.", "<option value=\"DONE\" selected>");
        mvc.perform(edit(plan, step, Map.of("targetDate", "31.02.2026")).header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(says("Enter a date."));
        mvc.perform(edit(plan, step, Map.of("owners", "user:not-a-person")).header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(says("Name each owner as either a person or a role."));
        assertThat(jdbc.sql("select title || status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo(step.title() + "NOT_STARTED");
    }

    // --- structure: steps and milestones -----------------------------------------------------------------------

    @Test
    void stepsAreAddedDeletedAndMoved() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        MilestoneView milestone = plan.milestones().get(0);

        mvc.perform(post("/plans/" + plan.id() + "/steps").with(SignIn.as(rep)).with(csrf())
                        .param("milestoneId", milestone.id().toString()).param("title", "Extra " + marker)
                        .param("side", "BUYER").param("visibility", "SHARED").param("durationDays", "2")
                        .param("after", milestone.steps().get(0).id().toString()).param("owners", "role:CHAMPION"))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        PlanView added = plans.get(viewer, plan.id());
        StepView extra = added.milestones().get(0).steps().get(milestone.steps().size());
        assertThat(extra.title()).isEqualTo("Extra " + marker);
        assertThat(extra.estimateSource()).isEqualTo(EstimateSource.MANUAL);
        assertThat(extra.dependsOn()).containsExactly(milestone.steps().get(0).id());
        assertThat(page(plan.dealId(), rep)).contains("Extra " + marker, "set by hand");

        mvc.perform(post("/plans/" + plan.id() + "/steps").with(SignIn.as(rep)).with(csrf())
                        .header("HX-Request", "true").param("milestoneId", milestone.id().toString())
                        .param("title", "").param("side", "SELLER").param("visibility", "INTERNAL")
                        .param("durationDays", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(says("This field is required."))
                .andExpect(says("Enter a number of business days from 1 to 250."));

        StepView first = milestone.steps().get(0);
        StepView second = milestone.steps().get(1);
        mvc.perform(post("/plans/" + plan.id() + "/steps/" + first.id() + "/move").with(SignIn.as(rep))
                        .with(csrf()).param("direction", "down"))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        assertThat(plans.get(viewer, plan.id()).milestones().get(0).steps()).extracting(StepView::id)
                .startsWith(second.id(), first.id());

        mvc.perform(post("/plans/" + plan.id() + "/steps/" + extra.id() + "/delete").with(SignIn.as(rep))
                        .with(csrf()).header("HX-Request", "true").param("version", String.valueOf(extra.version())))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from plan_step where id = :id").param("id", extra.id())
                .query(Long.class).single()).isZero();
        assertThat(activityActions(plan)).contains("STEP_ADDED", "STEP_REORDERED", "STEP_DELETED");
    }

    @Test
    void milestonesAreAddedRenamedMovedAndDeleted() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        int count = plan.milestones().size();

        mvc.perform(post("/plans/" + plan.id() + "/milestones").with(SignIn.as(rep)).with(csrf())
                        .param("title", "Handover " + marker))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        List<MilestoneView> milestones = plans.get(viewer, plan.id()).milestones();
        MilestoneView handover = milestones.get(count);
        assertThat(handover.title()).isEqualTo("Handover " + marker);

        mvc.perform(post("/plans/" + plan.id() + "/milestones/" + handover.id() + "/rename").with(SignIn.as(rep))
                        .with(csrf()).param("title", "Kickoff " + marker)
                        .param("version", String.valueOf(handover.version())))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        mvc.perform(post("/plans/" + plan.id() + "/milestones/" + handover.id() + "/rename").with(SignIn.as(rep))
                        .with(csrf()).header("HX-Request", "true").param("title", "Stale " + marker)
                        .param("version", String.valueOf(handover.version())))
                .andExpect(status().isConflict())
                .andExpect(says("Someone else changed this in the meantime"));

        mvc.perform(post("/plans/" + plan.id() + "/milestones/" + handover.id() + "/move").with(SignIn.as(rep))
                        .with(csrf()).param("direction", "up"))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        milestones = plans.get(viewer, plan.id()).milestones();
        assertThat(milestones.get(count - 1).title()).isEqualTo("Kickoff " + marker);

        MilestoneView moved = milestones.get(count - 1);
        mvc.perform(post("/plans/" + plan.id() + "/milestones/" + moved.id() + "/delete").with(SignIn.as(rep))
                        .with(csrf()).param("version", String.valueOf(moved.version())))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        assertThat(plans.get(viewer, plan.id()).milestones()).extracting(MilestoneView::title)
                .hasSize(count).doesNotContain("Kickoff " + marker);
        assertThat(activityActions(plan)).contains("MILESTONE_ADDED", "MILESTONE_RENAMED", "MILESTONE_REORDERED",
                "MILESTONE_DELETED");
    }

    @Test
    void aPlanIsRegeneratedOnlyWhileNobodyHasEditedIt() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());

        mvc.perform(post("/plans/" + plan.id() + "/regenerate").with(SignIn.as(rep)).with(csrf())
                        .param("version", String.valueOf(plan.version())))
                .andExpect(redirectedUrl("/deals/" + plan.dealId() + "/plan"));
        assertThat(activityActions(plan)).contains("REGENERATED");

        PlanView fresh = plans.get(viewer, plan.id());
        StepView step = fresh.steps().get(0);
        plans.updateStep(viewer, plan.id(), step.id(), step.version(), StepUpdate.status(StepStatus.IN_PROGRESS),
                true);
        assertThat(page(plan.dealId(), rep)).doesNotContain("/regenerate");

        mvc.perform(post("/plans/" + plan.id() + "/regenerate").with(SignIn.as(rep)).with(csrf())
                        .header("HX-Request", "true").param("version", String.valueOf(fresh.version())))
                .andExpect(status().isConflict())
                .andExpect(says("can no longer be regenerated"));
        assertThat(jdbc.sql("select status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("IN_PROGRESS");
    }

    // --- who may do what ---------------------------------------------------------------------------------------

    @Test
    void aTeammateSeesThePlanButMayNotChangeItAndAStrangerDoesNotFindIt() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);

        String theirs = page(plan.dealId(), teammate);
        assertThat(theirs).contains(step.title()).doesNotContain("/status\"", "/edit\"", "/regenerate");

        mvc.perform(post("/plans/" + plan.id() + "/steps/" + step.id() + "/status").with(SignIn.as(teammate))
                        .with(csrf()).param("status", "DONE").param("version", String.valueOf(step.version())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans/" + plan.id() + "/steps/" + step.id() + "/edit").with(SignIn.as(teammate)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + plan.id() + "/milestones").with(SignIn.as(teammate)).with(csrf())
                        .param("title", "Not mine"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/deals/" + plan.dealId() + "/plan").with(SignIn.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/plans/" + plan.id() + "/steps/" + step.id() + "/status").with(SignIn.as(stranger))
                        .with(csrf()).param("status", "DONE").param("version", String.valueOf(step.version())))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from plan_step where id = :id").param("id", step.id())
                .query(String.class).single()).isEqualTo("NOT_STARTED");
    }

    // --- timeline and activity ---------------------------------------------------------------------------------

    @Test
    void theTimelineDrawsOneBarPerStepWithTodayAndTheCloseDate() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());

        String html = page(plan.dealId(), rep);
        String svg = html.substring(html.indexOf("<svg class=\"timeline\""), html.indexOf("</svg>"));

        assertThat(count(svg, "<rect class=\"bar ")).isEqualTo(plan.steps().size());
        assertThat(count(svg, "<text class=\"milestone-label\"")).isEqualTo(plan.milestones().size());
        assertThat(svg).contains("class=\"today\"", "class=\"close\"", "class=\"weekend\"", "class=\"week\"")
                .doesNotContain("style=");
        for (StepView step : plan.steps()) {
            assertThat(svg).contains(Timeline.shorten(step.title()));
        }
    }

    @Test
    void theActivityLogListsChangesNewestFirstWithBeforeAndAfter() throws Exception {
        PlanView plan = planFor(dealWithoutPlan());
        StepView step = plan.steps().get(0);
        LocalDate later = nextWeekday(step.targetDate().plusDays(7));
        plans.updateStep(viewer, plan.id(), step.id(), step.version(), StepUpdate.targetDate(later), false);
        plans.addMilestone(viewer, plan.id(), "Wrap-up " + marker);

        String html = page(plan.dealId(), rep);
        String log = html.substring(html.indexOf("id=\"plan-activity\""));

        assertThat(log).contains("added the milestone “Wrap-up " + marker + "”",
                "changed the target date of", "generated the plan from");
        assertThat(log.indexOf("Wrap-up " + marker)).isLessThan(log.indexOf("changed the target date of"));
        assertThat(log.indexOf("changed the target date of")).isLessThan(log.indexOf("generated the plan from"));
        Matcher dates = Pattern.compile("changed the target date of.*?</td>\\s*<td class=\"values\">(.*?)</td>",
                Pattern.DOTALL).matcher(log);
        assertThat(dates.find()).isTrue();
        assertThat(dates.group(1)).contains("→").contains(String.valueOf(later.getYear()));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private DealView dealWithoutPlan() {
        return deals.create(viewer, new DealDetails("Plan page " + marker, "Account " + marker,
                Money.of("20000", "EUR"), rep.id(), LocalDate.now().plusMonths(4), null, null), "prospecting");
    }

    private PlanView planFor(DealView deal) {
        try {
            return plans.generate(viewer, deal.id());
        } catch (ConflictException alreadyGenerated) {
            return plans.findForDeal(viewer, deal.id()).orElseThrow();
        }
    }

    private String page(DealView deal, TestData.Seller seller) throws Exception {
        return page(deal.id(), seller);
    }

    private String page(DealId deal, TestData.Seller seller) throws Exception {
        return mvc.perform(get("/deals/" + deal + "/plan").with(SignIn.as(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The step's edit form as the page fills it in, with some fields changed. */
    private MockHttpServletRequestBuilder edit(PlanView plan, StepView step, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", step.title());
        fields.put("description", step.description() == null ? "" : step.description());
        fields.put("status", step.status().name());
        fields.put("targetDate", step.targetDate().toString());
        fields.put("version", String.valueOf(step.version()));
        if (step.pinned()) {
            fields.put("pinned", "true");
        }
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post("/plans/" + plan.id() + "/steps/" + step.id())
                .with(SignIn.as(rep)).with(csrf());
        fields.forEach(request::param);
        step.owners().forEach(owner -> request.param("owners",
                owner.person() ? "user:" + owner.userId() : "role:" + owner.role()));
        return request;
    }

    private static StepView withDependents(PlanView plan) {
        return plan.steps().stream()
                .filter(step -> plan.steps().stream().anyMatch(other -> other.dependsOn().contains(step.id())))
                .findFirst().orElseThrow();
    }

    private static StepView stepOf(PlanView plan, UUID stepId) {
        return plan.steps().stream().filter(step -> step.id().equals(stepId)).findFirst().orElseThrow();
    }

    private static Map<UUID, LocalDate> targets(PlanView plan) {
        return plan.steps().stream().collect(Collectors.toMap(StepView::id, StepView::targetDate));
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day;
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }

    private void setEstimate(StepView step, String source, int samples) {
        jdbc.sql("update plan_step set estimate_source = :source, estimate_samples = :samples where id = :id")
                .param("source", source).param("samples", samples).param("id", step.id()).update();
    }

    private List<String> activityActions(PlanView plan) {
        return jdbc.sql("select action from plan_activity where plan_id = :plan order by id")
                .param("plan", plan.id()).query(String.class).list();
    }

    private long planCount(DealView deal) {
        return jdbc.sql("select count(*) from plan where deal_id = :deal").param("deal", deal.id().value())
                .query(Long.class).single();
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            found++;
        }
        return found;
    }

    private static ResultMatcher says(String part) {
        return content().string(Matchers.containsString(part));
    }
}
