package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.TestData;
import io.mutua.IntegrationTest;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import io.mutua.identity.SignIn;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * "Import from a spreadsheet…" on a seller's plan page: a sheet exported from one plan moves into another, a sheet
 * with wrong rows is refused as a whole with every problem listed, and buyers never reach the import.
 */
@IntegrationTest
class SpreadsheetImportIntegrationTest {

    private static final int BASELINE_DATE = 5;

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    SpreadsheetFixtures spreadsheets;

    @Test
    void theSellerPlanPageLinksToTheImportAndTheImportPageExplainsTheLayout() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();

        String planPage = mvc.perform(get(fixture.sellerPage()).with(SignIn.as(fixture.rep()))).andReturn()
                .getResponse().getContentAsString();
        assertThat(planPage).contains("href=\"" + fixture.sellerPath() + "/import\"", "Import from a spreadsheet…");

        MockHttpServletResponse page = mvc.perform(get(fixture.sellerPath() + "/import")
                .with(SignIn.as(fixture.rep()))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Import from a spreadsheet", "type=\"file\"", "name=\"file\"",
                "milestone, step, side, owners, target date, baseline date, status, completed on, notes",
                fixture.sellerPath() + "/export.xlsx?internal=true");
    }

    @Test
    void aCsvExportImportedIntoAnotherDealsPlanGivesTheSameSteps() throws Exception {
        MutualPlanFixtures.Fixture source = spreadsheets.workedPlan();
        PlanView twin = spreadsheets.twinOf(source);
        byte[] csv = export(source, source.sellerPath() + "/export.csv");

        MockHttpServletResponse imported = upload(source, twin, new MockMultipartFile("file", "plan.csv", "text/csv",
                csv), true);

        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        assertThat(imported.getContentAsString()).as("htmx gets the panel only")
                .contains("<section id=\"spreadsheet-import\"").doesNotContain("<html");
        assertThat(text(imported)).contains("Imported: 2 steps added", "2 milestones created");
        List<List<String>> expected = Sheets.csv(csv);
        List<List<String>> actual = Sheets.csv(export(source, "/plans/" + twin.id() + "/export.csv"));
        assertThat(Sheets.without(actual, BASELINE_DATE)).isEqualTo(Sheets.without(expected, BASELINE_DATE));
        assertThat(actual).anySatisfy(row -> assertThat(row).contains(SpreadsheetFixtures.GREEK_NOTES, "DONE"))
                .anySatisfy(row -> assertThat(row).contains(SpreadsheetFixtures.NEW_MILESTONE, "Εκπαίδευση χρηστών",
                        "BUYER", source.mainContact().name() + " <" + source.mainContact().email() + ">; "
                                + "role:TECHNICAL_EVALUATOR"))
                .anySatisfy(row -> assertThat(row.get(0)).isEqualTo(SpreadsheetFixtures.EMPTY_MILESTONE));

        MockHttpServletResponse again = upload(source, twin, new MockMultipartFile("file", "plan.csv", "text/csv",
                csv), true);
        assertThat(text(again)).as("importing the same sheet twice adds nothing")
                .contains("Imported: no step added, none updated, no new milestone");
    }

    @Test
    void anXlsxExportImportedByAPlainFormPostRoundTripsAndShowsTheWholePageWithTheSummary() throws Exception {
        MutualPlanFixtures.Fixture source = spreadsheets.workedPlan();
        PlanView twin = spreadsheets.twinOf(source);
        byte[] xlsx = export(source, source.sellerPath() + "/export.xlsx");

        MockHttpServletResponse page = upload(source, twin, new MockMultipartFile("file", "Plan.xlsx",
                XlsxSheets.CONTENT_TYPE, xlsx), false);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).as("a plain post gets the whole page").contains("<html", "<h1>");
        assertThat(text(page)).contains("Imported: 2 steps added", "2 milestones created");

        List<List<String>> expected = Sheets.xlsx(xlsx);
        List<List<String>> actual = Sheets.xlsx(export(source, "/plans/" + twin.id() + "/export.xlsx"));
        assertThat(Sheets.without(actual, BASELINE_DATE)).isEqualTo(Sheets.without(expected, BASELINE_DATE));
    }

    @Test
    void aSellersExportWithInternalStepsKeepsThemInternalInThePlanItIsImportedInto() throws Exception {
        MutualPlanFixtures.Fixture source = fixtures.mutualPlan();
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(source);
        PlanView twin = spreadsheets.twinOf(source);
        byte[] csv = export(source, source.sellerPath() + "/export.csv?internal=true");

        MockHttpServletResponse imported = upload(source, twin, new MockMultipartFile("file", "plan.csv", "text/csv",
                csv), true);

        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        assertThat(Sheets.without(Sheets.csv(export(source, "/plans/" + twin.id() + "/export.csv?internal=true")),
                BASELINE_DATE)).isEqualTo(Sheets.without(Sheets.csv(csv), BASELINE_DATE));
        assertThat(plans.get(source.viewer(), twin.id()).steps()).filteredOn(step -> step.title().contains(
                internal.secret())).hasSize(2).allSatisfy(step -> assertThat(step.visibility().name())
                        .isEqualTo("INTERNAL"));
        assertThat(new String(export(source, "/plans/" + twin.id() + "/export.csv"), StandardCharsets.UTF_8))
                .as("the twin's shared export").doesNotContain(internal.secret());
    }

    @Test
    void aSheetWithWrongRowsIsRefusedWithEveryProblemAndNothingIsImported() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        StepView shared = fixture.sharedStep();
        String milestone = fixture.plan().milestones().get(0).title();
        String sheet = "milestone,step,side,owners,target date,status,notes\r\n"
                + "Brand new milestone,A fine new step,SELLER,,2027-02-01,NOT_STARTED,fine\r\n"
                + "\"" + milestone + "\",\"" + shared.title() + "\",,,2026-13-01,DONE,\r\n"
                + "Kickoff,Bad status,BUYER,role:CHAMPION,2027-02-03,FINISHED,\r\n"
                + "Kickoff,Nobody owns this,SELLER,Nobody <nobody@nowhere.example>,,,\r\n"
                + "Kickoff,Which side?,,,2027-02-04,,\r\n";

        MockHttpServletResponse response = upload(fixture, fixture.plan(), new MockMultipartFile("file",
                "plan.csv", "text/csv", sheet.getBytes(StandardCharsets.UTF_8)), true);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(text(response)).contains("Nothing was imported: 4 problems need fixing.",
                "Row 3, target date: “2026-13-01” is not a date (yyyy-mm-dd).",
                "Row 4, status: “FINISHED” is not a status; use one of NOT_STARTED, IN_PROGRESS, DONE, BLOCKED, SKIPPED.",
                "Row 5, owners: “Nobody <nobody@nowhere.example>” is not one of the plan’s people or your colleagues.",
                "Row 6, side: a new step needs its side (SELLER or BUYER).");
        PlanView after = plans.get(fixture.viewer(), fixture.planId());
        assertThat(after.milestones()).extracting(MilestoneView::title).doesNotContain("Brand new milestone");
        assertThat(after.steps()).extracting(StepView::title).doesNotContain("A fine new step");
        assertThat(after.steps()).filteredOn(step -> step.id().equals(shared.id()))
                .singleElement().satisfies(step -> {
                    assertThat(step.status()).isEqualTo(shared.status());
                    assertThat(step.version()).isEqualTo(shared.version());
                });
    }

    @Test
    void aFileWithoutTheLayoutOrNoSpreadsheetAtAllGetsAClearMessage() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        int steps = fixture.plan().steps().size();

        MockHttpServletResponse missing = upload(fixture, fixture.plan(), new MockMultipartFile("file", "plan.csv",
                "text/csv", "milestone,step,target date\r\nKickoff,Something,2027-01-01\r\n"
                        .getBytes(StandardCharsets.UTF_8)), true);
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(text(missing)).contains("The first row must name the columns of the layout; missing: side, owners,"
                + " status, notes.");

        MockHttpServletResponse notASheet = upload(fixture, fixture.plan(), new MockMultipartFile("file", "plan.xlsx",
                XlsxSheets.CONTENT_TYPE, "%PDF-1.7 not a workbook".getBytes(StandardCharsets.UTF_8)), true);
        assertThat(notASheet.getStatus()).isEqualTo(422);
        assertThat(text(notASheet)).contains("This file cannot be read as a spreadsheet.");

        MockHttpServletResponse latin1 = upload(fixture, fixture.plan(), new MockMultipartFile("file", "plan.csv",
                "text/csv", "milestone,step,side,owners,target date,status,notes\r\nΈναρξη,Βήμα,SELLER,,,,\r\n"
                        .getBytes(java.nio.charset.Charset.forName("ISO-8859-7"))), true);
        assertThat(latin1.getStatus()).isEqualTo(422);
        assertThat(text(latin1)).contains("This CSV file is not in UTF-8.");

        assertThat(plans.get(fixture.viewer(), fixture.planId()).steps()).hasSize(steps);
    }

    @Test
    void buyersAndSellersWhoDoNotSeeTheDealCannotImport() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(fixture.mainContact().email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
        BuyerClient buyer = new BuyerClient(mvc);
        buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(fixture.mainContact().email(), before + 1))));
        int steps = fixture.plan().steps().size();

        String buyerPage = buyer.get(fixture.buyerPath()).getContentAsString();
        assertThat(buyerPage).contains(fixture.sharedStep().title()).doesNotContain("/import");
        assertThat(buyer.get(fixture.sellerPath() + "/import").getStatus()).isEqualTo(404);
        assertThat(buyer.get(fixture.buyerPath() + "/import").getStatus()).isEqualTo(404);
        assertThat(buyer.post(fixture.sellerPath() + "/import", "file", "milestone,step").getStatus()).isEqualTo(404);

        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        assertThat(mvc.perform(get(fixture.sellerPath() + "/import").with(SignIn.as(stranger))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        MockHttpServletResponse strangerPost = mvc.perform(multipart(fixture.sellerPath() + "/import")
                .file(new MockMultipartFile("file", "plan.csv", "text/csv",
                        "milestone,step,side,owners,target date,status,notes\r\nX,Y,SELLER,,,,\r\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .with(SignIn.as(stranger)).with(csrf())).andReturn().getResponse();
        assertThat(strangerPost.getStatus()).isEqualTo(404);
        assertThat(plans.get(fixture.viewer(), fixture.planId()).steps()).hasSize(steps);
    }

    private MockHttpServletResponse upload(MutualPlanFixtures.Fixture fixture, PlanView plan, MockMultipartFile file,
            boolean htmx) throws Exception {
        var request = multipart("/plans/" + plan.id() + "/import").file(file).with(SignIn.as(fixture.rep()))
                .with(csrf());
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private byte[] export(MutualPlanFixtures.Fixture fixture, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(SignIn.as(fixture.rep()))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsByteArray();
    }

    /** The page as a reader sees its text: entities decoded. */
    private static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
