package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admin's playbook pages through the whole stack. Playbooks are shared by every test, so each test makes its
 * own, in a segment no deal uses, and archives them afterwards; the two default playbooks stay as they are.
 */
@IntegrationTest
class PlaybookAdminIntegrationTest {

    static final String PATH = "/admin/playbooks";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Playbooks playbooks;

    TestData.Seller admin;
    String marker;
    final List<UUID> made = new ArrayList<>();

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", null);
        marker = TestData.unique();
    }

    @AfterEach
    void archiveWhatWasMade() {
        for (PlaybookView playbook : playbooks.list(true)) {
            if ((made.contains(playbook.id()) || playbook.name().contains(marker)) && !playbook.archived()) {
                playbooks.archive(playbook.id(), playbook.version(), true);
            }
        }
    }

    // --- list ------------------------------------------------------------------------------------------------------

    @Test
    void theListShowsRulesPriorityDefaultStepsAndVersionAndArchivedPlaybooksApart() throws Exception {
        UUID ranged = make("Ranged " + marker, new BigDecimal("10000"), new BigDecimal("50000"), 7);
        UUID retired = make("Retired " + marker, null, null, 100);
        playbooks.archive(retired, playbooks.get(retired).version(), true);

        String page = html(mvc.perform(get(PATH).with(SignIn.as(admin))).andExpect(status().isOk()));

        int archivedSection = page.indexOf("id=\"archived-heading\"");
        String rangedRow = row(page, ranged);
        assertThat(page.indexOf("Ranged " + marker)).isBetween(0, archivedSection);
        assertThat(page.indexOf("Retired " + marker)).isGreaterThan(archivedSection);
        assertThat(rangedRow).contains("Segment Test-" + marker, "10,000 to 50,000", ">7<", ">3<", ">1<", "Archive");
        assertThat(row(page, retired)).contains("any amount", "Restore").doesNotContain(">Archive<");
        String midMarket = row(page, defaultPlaybook().id());
        assertThat(midMarket).contains("Mid-market", ">Default<", "The default cannot be archived.")
                .doesNotContain(">Archive<");
        assertThat(page).contains("href=\"/admin/playbooks/new\"");
    }

    @Test
    void onlyAdminsSeeThePlaybooksAndTheirNavigationLink() throws Exception {
        UUID id = make("Guarded " + marker, null, null, 100);
        for (String role : List.of("REP", "MANAGER", "CS")) {
            TestData.Seller seller = data.user(role, null);
            mvc.perform(get(PATH).with(SignIn.as(seller))).andExpect(status().isForbidden());
            mvc.perform(get(PATH + "/" + id).with(SignIn.as(seller))).andExpect(status().isForbidden());
            mvc.perform(post(PATH + "/" + id + "/milestones").with(SignIn.as(seller)).with(csrf())
                    .param("title", "Sneaky").param("version", version(id))).andExpect(status().isForbidden());
            assertThat(html(mvc.perform(get("/deals").with(SignIn.as(seller)))))
                    .doesNotContain("href=\"/admin/playbooks\"");
        }
        assertThat(playbooks.get(id).content().milestones()).hasSize(2);
        assertThat(html(mvc.perform(get("/deals").with(SignIn.as(admin)))))
                .contains("href=\"/admin/playbooks\">Playbooks</a>");
    }

    // --- create, settings ------------------------------------------------------------------------------------------

    @Test
    void aNewPlaybookStartsEmptyAndOpensInTheEditor() throws Exception {
        String name = "Fresh " + marker;
        String location = mvc.perform(post(PATH).with(SignIn.as(admin)).with(csrf())
                        .param("name", name).param("segment", "Test-" + marker).param("minAmount", "5000")
                        .param("maxAmount", "").param("priority", "40").param("description", "For tests")
                        .param("version", "0"))
                .andExpect(redirectedUrlPattern(PATH + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        made.add(id);

        PlaybookView created = playbooks.get(id);
        assertThat(created.settings()).isEqualTo(new PlaybookSettings(name, "For tests", "Test-" + marker,
                new BigDecimal("5000.00"), null, 40, false));
        assertThat(created.content().milestones()).isEmpty();
        assertThat(html(mvc.perform(get(location).with(SignIn.as(admin))).andExpect(status().isOk())))
                .contains(name, "This playbook has no milestones yet.", "Version 1",
                        "No plan uses version 1 yet, so changes are saved into it.");
    }

    @Test
    void aRefusedNewPlaybookKeepsWhatWasTypedAndCreatesNothing() throws Exception {
        String page = html(mvc.perform(post(PATH).with(SignIn.as(admin)).with(csrf())
                        .param("name", "").param("segment", "Test-" + marker).param("minAmount", "-1")
                        .param("priority", "10000").param("version", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(page).contains("id=\"name-error\">This field is required.", "id=\"minAmount-error\">Enter an amount",
                "id=\"priority-error\">Enter a whole number from 0 to 9999.", "value=\"Test-" + marker + "\"");
        page = html(mvc.perform(post(PATH).with(SignIn.as(admin)).with(csrf()).param("name", "Typo " + marker)
                        .param("priority", "x").param("version", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(page).contains("id=\"priority-error\">Enter a whole number.", "value=\"Typo " + marker + "\"");

        String name = "Upside down " + marker;
        page = html(mvc.perform(post(PATH).with(SignIn.as(admin)).with(csrf()).param("name", name)
                        .param("segment", "Test-" + marker).param("minAmount", "9000").param("maxAmount", "10")
                        .param("priority", "5").param("version", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(page).contains("id=\"maxAmount-error\"",
                "The maximum amount must not be lower than the minimum amount.");
        page = html(mvc.perform(post(PATH).with(SignIn.as(admin)).with(csrf()).param("name", "mid-MARKET")
                        .param("priority", "5").param("version", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(page).contains("id=\"name-error\"", "Another playbook already has this name.");
        assertThat(playbooks.list(true)).noneMatch(playbook -> playbook.name().contains(marker));
    }

    @Test
    void settingsAreSavedAndAStaleSaveKeepsTheInputShowsTheSavedValuesAndOverwritesNothing() throws Exception {
        UUID id = make("Settings " + marker, null, null, 100);
        String before = version(id);
        mvc.perform(settings(id, "Renamed " + marker, "30", before))
                .andExpect(redirectedUrl(PATH + "/" + id + "?saved"));
        assertThat(html(mvc.perform(get(PATH + "/" + id).param("saved", "").with(SignIn.as(admin)))))
                .contains("Saved.", "Renamed " + marker);
        assertThat(playbooks.get(id).settings().priority()).isEqualTo(30);

        String page = html(mvc.perform(settings(id, "Mine " + marker, "55", before))
                .andExpect(status().isConflict()));
        assertThat(page).contains("Someone else changed this playbook while you were editing",
                "value=\"Mine " + marker + "\"", "value=\"55\"", "<dd>Renamed " + marker + "</dd>", "<dd>30</dd>",
                "name=\"version\" value=\"" + version(id) + "\"");
        assertThat(playbooks.get(id).name()).isEqualTo("Renamed " + marker);
        assertThat(playbooks.get(id).settings().priority()).isEqualTo(30);

        mvc.perform(settings(id, "Mine " + marker, "55", version(id))).andExpect(status().is3xxRedirection());
        assertThat(playbooks.get(id).name()).isEqualTo("Mine " + marker);
    }

    // --- milestones ------------------------------------------------------------------------------------------------

    @Test
    void milestonesAreAddedRenamedMovedAndDeleted() throws Exception {
        UUID id = make("Milestones " + marker, null, null, 100);

        mvc.perform(post(PATH + "/" + id + "/milestones").with(SignIn.as(admin)).with(csrf())
                        .param("title", "  Legal and procurement ").param("version", version(id)))
                .andExpect(redirectedUrl(PATH + "/" + id + "#playbook-content"));
        String fragment = html(mvc.perform(htmx(post(PATH + "/" + id + "/milestones/2"))
                        .param("title", "Contract").param("version", version(id)))
                .andExpect(status().isOk()));
        assertThat(fragment).startsWith("<section id=\"playbook-content\"").doesNotContain("<html")
                .contains("value=\"Contract\"")
                .as("the settings form outside the editor learns the new version too")
                .contains("value=\"" + version(id) + "\" class=\"playbook-version\" "
                        + "hx-swap-oob=\"outerHTML:input.playbook-version\"");
        assertThat(titles(id)).containsExactly("Discovery", "Evaluation", "Contract");

        mvc.perform(htmx(post(PATH + "/" + id + "/milestones/2/move")).param("direction", "-1")
                .param("version", version(id))).andExpect(status().isOk());
        assertThat(titles(id)).containsExactly("Discovery", "Contract", "Evaluation");

        String refused = html(mvc.perform(htmx(post(PATH + "/" + id + "/milestones/1"))
                        .param("title", " ").param("version", version(id)))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"milestone-title-1-error\"", "This field is required.");
        assertThat(titles(id)).containsExactly("Discovery", "Contract", "Evaluation");

        mvc.perform(post(PATH + "/" + id + "/milestones/0/delete").with(SignIn.as(admin)).with(csrf())
                .param("version", version(id))).andExpect(redirectedUrl(PATH + "/" + id + "#playbook-content"));
        assertThat(titles(id)).containsExactly("Contract", "Evaluation");
        assertThat(keys(id)).as("the deleted milestone's steps are gone, and so are dependencies on them")
                .containsExactly("demo");
        assertThat(step(id, "demo").dependsOn()).isEmpty();
    }

    @Test
    void aMilestoneMoveThatBreaksADependencyIsRefusedWithTheStepNamed() throws Exception {
        UUID id = make("Breaking " + marker, null, null, 100);
        String fragment = html(mvc.perform(htmx(post(PATH + "/" + id + "/milestones/1/move"))
                        .param("direction", "-1").param("version", version(id)))
                .andExpect(status().isUnprocessableContent()));
        assertThat(fragment).startsWith("<section id=\"playbook-content\"")
                .contains("Step “Tailored demo”: A step can only depend on earlier steps");
        assertThat(titles(id)).containsExactly("Discovery", "Evaluation");
    }

    // --- steps -----------------------------------------------------------------------------------------------------

    @Test
    void aStepAddedWithoutAKeyGetsOneFromItsTitleAndEveryField() throws Exception {
        UUID id = make("Steps " + marker, null, null, 100);
        String fragment = html(mvc.perform(addStep(id, 1, "", "Security review", "SECURITY", "SHARED", "solution",
                        "8", "demo", "discovery-call").param("guidance", "Send the questionnaire\r\n- SOC 2 report"))
                .andExpect(status().isOk()));
        assertThat(fragment).startsWith("<section id=\"playbook-content\"").doesNotContain("<html")
                .contains("id=\"step-security-review\"", "Security review");

        StepTemplate added = step(id, "security-review");
        assertThat(added).isEqualTo(new StepTemplate("security-review", "Security review",
                "Send the questionnaire\n- SOC 2 report", Side.BUYER, OwnerRole.SECURITY, Visibility.SHARED,
                "solution", 8, List.of("demo", "discovery-call")));
        assertThat(keys(id)).containsExactly("discovery-call", "pain-confirmed", "demo", "security-review");

        mvc.perform(addStep(id, 1, "", "Security review", "SECURITY", "SHARED", "solution", "2"))
                .andExpect(status().isOk());
        assertThat(keys(id)).as("a second step of the same title gets a key of its own")
                .endsWith("security-review", "security-review-2");
    }

    @Test
    void theKeyHintSuggestsAKeyFromTheTitle() throws Exception {
        UUID id = make("Hints " + marker, null, null, 100);
        String hint = html(mvc.perform(get(PATH + "/" + id + "/milestones/0/key-hint").param("title", "Tailored demo!")
                .header("HX-Request", "true").with(SignIn.as(admin))).andExpect(status().isOk()));
        assertThat(hint).contains("id=\"add-0-key-hint\"", "tailored-demo");
        hint = html(mvc.perform(get(PATH + "/" + id + "/milestones/0/key-hint").param("title", "Demo")
                .with(SignIn.as(admin))));
        assertThat(hint).as("demo is taken").contains("demo-2");
    }

    @Test
    void theRulesOfAStepAreShownNextToTheFieldTheyConcernAndNothingIsSaved() throws Exception {
        UUID id = make("Rules " + marker, null, null, 100);
        String before = version(id);

        String refused = html(mvc.perform(addStep(id, 0, "", "Internal buyer step", "CHAMPION", "INTERNAL",
                "discovery", "2")).andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"add-0-visibility-error\"", "Buyer steps are always shared with the buyer.",
                "value=\"Internal buyer step\"", "<details class=\"add-step\" open>");

        refused = html(mvc.perform(addStep(id, 0, "Bad Key", "Bad key", "ACCOUNT_EXECUTIVE", "SHARED", "discovery",
                "2")).andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"add-0-key-error\"", "Use 3 to 60 lower-case letters");

        refused = html(mvc.perform(addStep(id, 0, "demo", "Twin", "ACCOUNT_EXECUTIVE", "SHARED", "discovery", "2"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"add-0-key-error\"", "Another step already has the key “demo”.");

        refused = html(mvc.perform(addStep(id, 0, "", "Too early", "ACCOUNT_EXECUTIVE", "SHARED", "discovery", "2",
                "demo")).andExpect(status().isUnprocessableContent()));
        assertThat(refused).as("a step in the first milestone cannot depend on one in the second")
                .contains("id=\"add-0-dependsOn-error\"", "“demo” is not one of them");

        refused = html(mvc.perform(addStep(id, 0, "", "Forever", "ACCOUNT_EXECUTIVE", "SHARED", "won", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"add-0-stage-error\"", "Choose an open stage of the pipeline.");

        refused = html(mvc.perform(addStep(id, 0, "", "Forever", "ACCOUNT_EXECUTIVE", "SHARED", "discovery", "0"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused).contains("id=\"add-0-defaultDays-error\"",
                "Enter a whole number of business days from 1 to 250.");

        refused = html(mvc.perform(addStep(id, 0, "", "", "ACCOUNT_EXECUTIVE", "SHARED", "discovery", "")));
        assertThat(refused).contains("id=\"add-0-title-error\"", "id=\"add-0-defaultDays-error\"");

        assertThat(version(id)).isEqualTo(before);
        assertThat(keys(id)).containsExactly("discovery-call", "pain-confirmed", "demo");
    }

    @Test
    void aStepIsEditedInPlaceWithHtmxAndAsAPageWithoutIt() throws Exception {
        UUID id = make("Inline " + marker, null, null, 100);

        String form = html(mvc.perform(get(PATH + "/" + id + "/steps/demo/edit").header("HX-Request", "true")
                .with(SignIn.as(admin))).andExpect(status().isOk()));
        assertThat(form).startsWith("<tr id=\"step-demo\" class=\"editing\">").doesNotContain("<html")
                .contains("value=\"Tailored demo\"", "name=\"version\" value=\"" + version(id) + "\"",
                        "value=\"discovery-call\"", "value=\"pain-confirmed\"");
        assertThat(html(mvc.perform(get(PATH + "/" + id + "/steps/demo/edit").with(SignIn.as(admin)))
                .andExpect(status().isOk())))
                .contains("<html", "<tr id=\"step-demo\" class=\"editing\">", "<tr id=\"step-discovery-call\">");
        assertThat(html(mvc.perform(get(PATH + "/" + id + "/steps/demo").header("HX-Request", "true")
                .with(SignIn.as(admin))))).startsWith("<tr id=\"step-demo\">").doesNotContain("<template>");

        String row = html(mvc.perform(htmx(saveStep(id, "demo", "Demo with their data", "SOLUTIONS_ENGINEER", "INTERNAL",
                        "solution", "4", version(id), "discovery-call"))).andExpect(status().isOk()));
        String newVersion = version(id);
        assertThat(row).startsWith("<tr id=\"step-demo\">").doesNotContain("<html", "<section")
                .contains("Demo with their data", "Solutions engineer", "Internal")
                .contains("<template>", "id=\"content-status\"", "hx-swap-oob=\"true\"",
                        "value=\"" + newVersion + "\" class=\"playbook-version\" "
                                + "hx-swap-oob=\"outerHTML:input.playbook-version\"");
        assertThat(step(id, "demo")).isEqualTo(new StepTemplate("demo", "Demo with their data", "Show it",
                Side.SELLER, OwnerRole.SOLUTIONS_ENGINEER, Visibility.INTERNAL, "solution", 4,
                List.of("discovery-call")));

        mvc.perform(plain(saveStep(id, "demo", "Plain form", "SOLUTIONS_ENGINEER", "INTERNAL", "solution", "4",
                        version(id))))
                .andExpect(redirectedUrl(PATH + "/" + id + "#step-demo"));
        assertThat(step(id, "demo").title()).isEqualTo("Plain form");
        assertThat(step(id, "demo").dependsOn()).as("no box ticked, no dependency").isEmpty();
    }

    @Test
    void aRefusedStepEditComesBackAsTheFormWithTheMessageAtItsField() throws Exception {
        UUID id = make("Refused " + marker, null, null, 100);
        String form = html(mvc.perform(htmx(saveStep(id, "pain-confirmed", "Pain confirmed", "ECONOMIC_BUYER", "INTERNAL",
                "discovery", "2", version(id), "discovery-call"))).andExpect(status().isUnprocessableContent()));
        assertThat(form).startsWith("<tr id=\"step-pain-confirmed\" class=\"editing\">")
                .contains("id=\"edit-pain-confirmed-visibility-error\"",
                        "Buyer steps are always shared with the buyer.", "value=\"ECONOMIC_BUYER\" selected");
        assertThat(step(id, "pain-confirmed").ownerRole()).isEqualTo(OwnerRole.CHAMPION);

        form = html(mvc.perform(htmx(saveStep(id, "discovery-call", "Discovery call", "ACCOUNT_EXECUTIVE", "SHARED",
                "discovery", "2", version(id), "demo"))).andExpect(status().isUnprocessableContent()));
        assertThat(form).contains("id=\"edit-discovery-call-dependsOn-error\"", "“demo” is not one of them");
        assertThat(step(id, "discovery-call").dependsOn()).isEmpty();
    }

    @Test
    void aStaleStepEditKeepsTheInputShowsTheSavedStepAndRefreshesTheWholeEditor() throws Exception {
        UUID id = make("Stale step " + marker, null, null, 100);
        String seen = version(id);
        mvc.perform(htmx(saveStep(id, "demo", "Their change", "ACCOUNT_EXECUTIVE", "SHARED", "solution", "6", seen)))
                .andExpect(status().isOk());

        String editor = html(mvc.perform(htmx(saveStep(id, "demo", "My change", "SOLUTIONS_ENGINEER", "INTERNAL",
                        "solution", "9", seen)))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#playbook-content"))
                .andExpect(header().string("HX-Reswap", "outerHTML")));
        assertThat(editor).startsWith("<section id=\"playbook-content\"")
                .contains("Someone else changed this playbook while you were editing", "value=\"My change\"",
                        "<dd>Their change</dd>", "<dd>6</dd>",
                        "name=\"version\" value=\"" + version(id) + "\" class=\"playbook-version\"");
        assertThat(step(id, "demo").title()).isEqualTo("Their change");

        mvc.perform(htmx(saveStep(id, "demo", "My change", "SOLUTIONS_ENGINEER", "INTERNAL", "solution", "9",
                version(id)))).andExpect(status().isOk());
        assertThat(step(id, "demo").title()).isEqualTo("My change");
    }

    @Test
    void aStaleStructuralEditChangesNothingAndShowsThePlaybookAsItIsNow() throws Exception {
        UUID id = make("Stale " + marker, null, null, 100);
        String seen = version(id);
        mvc.perform(htmx(post(PATH + "/" + id + "/steps/demo/delete")).param("version", seen))
                .andExpect(status().isOk());
        String fragment = html(mvc.perform(addStepSeen(id, seen, 1, "", "Late idea", "ACCOUNT_EXECUTIVE", "SHARED",
                "solution", "2")).andExpect(status().isConflict()));
        assertThat(fragment).contains("Someone else changed this in the meantime", "value=\"Late idea\"")
                .doesNotContain("id=\"step-demo\"");
        assertThat(keys(id)).containsExactly("discovery-call", "pain-confirmed");
    }

    @Test
    void stepsAreMovedWithinTheirMilestoneAndDeletedWithTheirDependencies() throws Exception {
        UUID id = make("Order " + marker, null, null, 100);
        mvc.perform(addStep(id, 0, "qualify", "Qualify", "SALES_MANAGER", "INTERNAL", "discovery", "1"))
                .andExpect(status().isOk());
        mvc.perform(htmx(post(PATH + "/" + id + "/steps/qualify/move")).param("direction", "-1")
                .param("version", version(id))).andExpect(status().isOk());
        assertThat(keys(id)).containsExactly("discovery-call", "qualify", "pain-confirmed", "demo");

        mvc.perform(plain(post(PATH + "/" + id + "/steps/qualify/move")).param("direction", "1")
                        .param("version", version(id)))
                .andExpect(redirectedUrl(PATH + "/" + id + "#step-qualify"));
        assertThat(keys(id)).containsExactly("discovery-call", "pain-confirmed", "qualify", "demo");

        String refused = html(mvc.perform(htmx(post(PATH + "/" + id + "/steps/pain-confirmed/move"))
                .param("direction", "-1").param("version", version(id))).andExpect(status().isUnprocessableContent()));
        assertThat(refused).startsWith("<section id=\"playbook-content\"")
                .contains("Step “Pain confirmed”: A step can only depend on earlier steps");
        assertThat(keys(id)).containsExactly("discovery-call", "pain-confirmed", "qualify", "demo");

        String fragment = html(mvc.perform(htmx(post(PATH + "/" + id + "/steps/pain-confirmed/delete"))
                .param("version", version(id))).andExpect(status().isOk()));
        assertThat(fragment).doesNotContain("id=\"step-pain-confirmed\"");
        assertThat(keys(id)).containsExactly("discovery-call", "qualify", "demo");
        assertThat(step(id, "demo").dependsOn()).as("it depended on the deleted step only").isEmpty();
    }

    // --- versions --------------------------------------------------------------------------------------------------

    @Test
    void aChangeToAVersionThatPlansUseStartsANewOneAndTheOldOneStaysAsItWas() throws Exception {
        UUID id = make("Frozen " + marker, null, null, 100);
        PlaybookContent first = playbooks.get(id).content();
        mvc.perform(htmx(saveStep(id, "demo", "Still version one", "SOLUTIONS_ENGINEER", "SHARED", "solution", "3",
                version(id)))).andExpect(status().isOk());
        assertThat(playbooks.get(id).contentVersion()).as("no plan used version 1 yet").isEqualTo(1);

        playbooks.freeze(id);
        PlaybookContent frozen = playbooks.content(id, 1).orElseThrow();
        assertThat(frozen).isNotEqualTo(first);
        assertThat(html(mvc.perform(get(PATH + "/" + id).with(SignIn.as(admin)))))
                .contains("Plans use version 1, so your next change creates version 2; existing plans keep version 1.");

        String row = html(mvc.perform(htmx(saveStep(id, "demo", "Version two demo", "SOLUTIONS_ENGINEER", "SHARED",
                "solution", "3", version(id)))).andExpect(status().isOk()));
        assertThat(row).contains("Version 2", "No plan uses version 2 yet");
        assertThat(playbooks.get(id).contentVersion()).isEqualTo(2);
        assertThat(step(id, "demo").title()).isEqualTo("Version two demo");
        assertThat(playbooks.content(id, 1)).contains(frozen);
        mvc.perform(htmx(post(PATH + "/" + id + "/milestones")).param("title", "Kickoff")
                .param("version", version(id))).andExpect(status().isOk());
        assertThat(playbooks.versionNumbers(id)).as("version 2 is not used by plans, so it is edited in place")
                .containsExactly(2, 1);

        String history = html(mvc.perform(get(PATH + "/" + id + "/versions").with(SignIn.as(admin)))
                .andExpect(status().isOk()));
        assertThat(history).contains("/versions/2\">Version 2</a>", "/versions/1\">Version 1</a>", "Used by plans",
                "Current");
        String old = html(mvc.perform(get(PATH + "/" + id + "/versions/1").with(SignIn.as(admin)))
                .andExpect(status().isOk()));
        assertThat(old).contains("Content of version 1", "Still version one").doesNotContain("Version two demo",
                "Kickoff");
        mvc.perform(get(PATH + "/" + id + "/versions/9").with(SignIn.as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void aPlaybookReplacedWithTheSameContentKeepsItsVersion() {
        UUID id = make("Same " + marker, null, null, 100);
        playbooks.freeze(id);
        PlaybookView view = playbooks.get(id);
        PlaybookView saved = playbooks.update(id, view.version(), view.settings(), view.content(), admin.id());
        assertThat(saved.contentVersion()).isEqualTo(1);
        assertThat(playbooks.editContent(id, saved.version(), content -> content.moveStep("demo", -1), admin.id())
                .contentVersion()).as("moving the first step up changes nothing").isEqualTo(1);
    }

    // --- duplicate, archive ----------------------------------------------------------------------------------------

    @Test
    void aDuplicateIsACopyUnderANewNameThatIsNotTheDefault() throws Exception {
        UUID id = make("Original " + marker, null, null, 100);
        String location = mvc.perform(plain(post(PATH + "/" + id + "/duplicate")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches(PATH + "/[0-9a-f-]{36}\\?duplicated");
        UUID copyId = UUID.fromString(location.substring(PATH.length() + 1, location.indexOf('?')));
        made.add(copyId);
        PlaybookView copy = playbooks.get(copyId);
        assertThat(copy.name()).isEqualTo("Original " + marker + " (copy)");
        assertThat(copy.content()).isEqualTo(playbooks.get(id).content());
        assertThat(copy.settings().isDefault()).isFalse();
        assertThat(copy.contentVersion()).isEqualTo(1);
        assertThat(html(mvc.perform(get(PATH + "/" + copyId).param("duplicated", "").with(SignIn.as(admin)))))
                .contains("This is a copy.");
    }

    @Test
    void playbooksAreArchivedAndRestoredButTheDefaultStays() throws Exception {
        UUID id = make("Archivable " + marker, null, null, 100);
        mvc.perform(post(PATH + "/" + id + "/archive").with(SignIn.as(admin)).with(csrf())
                .param("archived", "true").param("version", version(id))).andExpect(redirectedUrl(PATH));
        assertThat(playbooks.get(id).archived()).isTrue();
        assertThat(playbooks.list(false)).noneMatch(playbook -> playbook.id().equals(id));
        mvc.perform(post(PATH + "/" + id + "/archive").with(SignIn.as(admin)).with(csrf())
                .param("archived", "false").param("version", version(id))).andExpect(redirectedUrl(PATH));
        assertThat(playbooks.get(id).archived()).isFalse();

        PlaybookView standard = defaultPlaybook();
        String page = html(mvc.perform(post(PATH + "/" + standard.id() + "/archive").with(SignIn.as(admin)).with(csrf())
                .param("archived", "true").param("version", Long.toString(standard.version())))
                .andExpect(status().isConflict()));
        assertThat(page).contains("The default playbook cannot be archived.");
        assertThat(playbooks.get(standard.id()).archived()).isFalse();
        assertThat(playbooks.get(standard.id()).settings().isDefault()).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /**
     * A test playbook in a segment no deal uses: Discovery (discovery-call, pain-confirmed ← discovery-call),
     * Evaluation (demo ← pain-confirmed).
     */
    UUID make(String name, BigDecimal min, BigDecimal max, int priority) {
        PlaybookContent content = new PlaybookContent(List.of(
                new MilestoneTemplate("Discovery", List.of(
                        new StepTemplate("discovery-call", "Discovery call", "", Side.SELLER,
                                OwnerRole.ACCOUNT_EXECUTIVE, Visibility.SHARED, "discovery", 2, List.of()),
                        new StepTemplate("pain-confirmed", "Pain confirmed", "", Side.BUYER, OwnerRole.CHAMPION,
                                Visibility.SHARED, "discovery", 2, List.of("discovery-call")))),
                new MilestoneTemplate("Evaluation", List.of(
                        new StepTemplate("demo", "Tailored demo", "Show it", Side.SELLER,
                                OwnerRole.SOLUTIONS_ENGINEER, Visibility.SHARED, "solution", 3,
                                List.of("pain-confirmed"))))));
        UUID id = playbooks.create(new PlaybookSettings(name, null, "Test-" + marker, min, max, priority, false),
                content, admin.id()).id();
        made.add(id);
        return id;
    }

    PlaybookView defaultPlaybook() {
        return playbooks.list(false).stream().filter(playbook -> playbook.settings().isDefault()).findFirst()
                .orElseThrow();
    }

    String version(UUID id) {
        return Long.toString(playbooks.get(id).version());
    }

    List<String> titles(UUID id) {
        return playbooks.get(id).content().milestones().stream().map(MilestoneTemplate::title).toList();
    }

    List<String> keys(UUID id) {
        return playbooks.get(id).content().steps().stream().map(StepTemplate::key).toList();
    }

    StepTemplate step(UUID id, String key) {
        return playbooks.get(id).content().steps().stream().filter(step -> step.key().equals(key)).findFirst()
                .orElseThrow();
    }

    MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return plain(request).header("HX-Request", "true");
    }

    MockHttpServletRequestBuilder plain(MockHttpServletRequestBuilder request) {
        return request.with(SignIn.as(admin)).with(csrf());
    }

    MockHttpServletRequestBuilder settings(UUID id, String name, String priority, String version) {
        return post(PATH + "/" + id + "/settings").with(SignIn.as(admin)).with(csrf()).param("name", name)
                .param("segment", "Test-" + marker).param("priority", priority).param("version", version);
    }

    /** An htmx request adding a step, made against the current version of the playbook. */
    MockHttpServletRequestBuilder addStep(UUID id, int milestone, String key, String title, String role,
            String visibility, String stage, String days, String... dependsOn) {
        return addStepSeen(id, version(id), milestone, key, title, role, visibility, stage, days, dependsOn);
    }

    MockHttpServletRequestBuilder addStepSeen(UUID id, String version, int milestone, String key, String title,
            String role, String visibility, String stage, String days, String... dependsOn) {
        MockHttpServletRequestBuilder request = htmx(post(PATH + "/" + id + "/milestones/" + milestone + "/steps"))
                .param("key", key).param("title", title).param("ownerRole", role).param("visibility", visibility)
                .param("stage", stage).param("defaultDays", days).param("version", version);
        return dependsOn.length == 0 ? request : request.param("dependsOn", dependsOn);
    }

    /** A request saving a step (without the htmx header: wrap it in {@link #htmx} or {@link #plain}). */
    MockHttpServletRequestBuilder saveStep(UUID id, String key, String title, String role, String visibility,
            String stage, String days, String version, String... dependsOn) {
        MockHttpServletRequestBuilder request = post(PATH + "/" + id + "/steps/" + key).param("title", title)
                .param("guidance", "Show it").param("ownerRole", role).param("visibility", visibility)
                .param("stage", stage).param("defaultDays", days).param("version", version);
        return dependsOn.length == 0 ? request : request.param("dependsOn", dependsOn);
    }

    static String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString().strip();
    }

    /** The table row of one playbook on the list page. */
    static String row(String page, UUID id) {
        int start = page.indexOf("<tr id=\"playbook-" + id + "\">");
        assertThat(start).as("row of %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
