package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.Role;
import io.mutua.identity.SignIn;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Importing CRM exports through the importer the wizard and the API use: every row checked, bad rows rejected with
 * their row number and reason, the rest created once and found unchanged on the next import.
 */
@IntegrationTest
class CrmImportIntegrationTest {

    private static final String HEADER = "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Amount,"
            + "Currency,Stage,Created Date,Close Date";
    private static final Map<CrmField, String> COLUMNS = Map.of(CrmField.ID, "Opportunity ID",
            CrmField.NAME, "Opportunity Name", CrmField.ACCOUNT, "Account Name", CrmField.OWNER, "Opportunity Owner",
            CrmField.AMOUNT, "Amount", CrmField.CURRENCY, "Currency", CrmField.STAGE, "Stage",
            CrmField.CREATED, "Created Date", CrmField.CLOSE_DATE, "Close Date");
    private static final Map<String, String> STAGES = Map.of("Qualification", "discovery", "proposal", "proposal",
            "Closed Won", "won", "CLOSED LOST", "lost");

    @Autowired
    CrmImporter importer;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    TestData.Seller admin;
    TestData.Seller rep;
    Viewer adminViewer;
    String id;
    String namedOwner;

    @BeforeEach
    void people() {
        admin = data.user("ADMIN", null);
        rep = data.user("REP", data.team("Import"));
        adminViewer = new Viewer(admin.id(), admin.email(), Role.ADMIN, null);
        id = "IMP-" + TestData.unique() + "-";
        namedOwner = "Μαρία Παλιά " + TestData.unique();
    }

    private String messyFile(String gammaAmount) {
        return "\uFEFF" + HEADER + "\r\n"
                + id + "1,Alpha,Acme,\"" + rep.email().toUpperCase() + "\",\"$1,234.50\",,Qualification,2025-03-04,"
                + "15/06/2025\r\n"
                + ",,,,,,,,\r\n"
                + id + "2,Βήτα συμφωνία,Ελληνική ΑΕ," + namedOwner + ",\"€ 1.234,50\",,Closed Won,04/03/2025,"
                + "20.05.2025\r\n"
                + id + "3,Gamma,,,\"" + gammaAmount + "\",gbp,Proposal,4 Mar 2025,\r\n"
                + id + "1,Alpha again,Acme,,100,USD,Qualification,2025-03-04,\r\n"
                + id + "4,Delta,Acme,,12k,USD,Qualification,2025-03-04,\r\n"
                + id + "5,Epsilon,Acme,,100,USD,Mystery,2025-03-04,\r\n"
                + id + "6,Zeta,Acme,,-100,USD,Qualification,2025-03-04,\r\n"
                + "\r\n"
                + id + "7,Eta,Acme,,1000,,Qualification,2025-03-04,\r\n"
                + id + "8,Theta,Acme,,\"1,234\",EUR,Closed Lost,2025-03-04,\r\n"
                + id + "9,Iota,Acme,,1234 EUR,,closed lost,2025-03-04,2025-02-01\r\n"
                + id + "10,Kappa,Acme,,\"USD 1,234.00\",,Qualification,2025-13-45,\r\n"
                + id + "11,Lambda,,,,,qualification,\"Mar 4, 2025\",03/07/25\r\n"
                + id + "12,Mu,Acme," + namedOwner + ",500,USD,Closed Lost,2025-03-04 10:15,2025-04-01T09:00:00Z\r\n";
    }

    private static SheetFile csv(String text) {
        return new SheetFile("export.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static CrmMapping mapping() {
        return new CrmMapping(COLUMNS, null, STAGES, DateFormatHint.AUTO, null);
    }

    private ImportOutcome run(String text) {
        return importer.run(adminViewer, csv(text), null, mapping(), ImportProgress.NONE);
    }

    @Test
    void aMessyFileImportsItsGoodRowsAndNamesEveryBadOne() {
        List<int[]> progress = new ArrayList<>();
        ImportOutcome outcome = importer.run(adminViewer, csv(messyFile("1 234,50")), null, mapping(),
                (processed, total) -> progress.add(new int[] {processed, total}));

        assertThat(outcome.created()).isEqualTo(5);
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.unchanged()).isZero();
        assertThat(outcome.rejected()).isEqualTo(8);
        assertThat(outcome.errors()).containsExactly(
                new RowError("deals", 6, "crm.error.duplicateId", List.of(id + "1", 2)),
                new RowError("deals", 7, "crm.error.amount", List.of("Amount", "12k")),
                new RowError("deals", 8, "crm.error.unknownStage", List.of("Mystery")),
                new RowError("deals", 9, "crm.error.negativeAmount", List.of("Amount", "-100")),
                new RowError("deals", 11, "crm.error.noCurrency", List.of("Amount", "1000")),
                new RowError("deals", 12, "crm.error.closeDateRequired", List.of("Close Date")),
                new RowError("deals", 13, "crm.error.closedBeforeCreated",
                        List.of("Close Date", "2025-02-01", "Created Date")),
                new RowError("deals", 14, "crm.error.date", List.of("Created Date", "2025-13-45")));
        assertThat(progress).last().satisfies(last -> assertThat(last).as("blank rows are not counted").containsExactly(13, 13));

        assertThat(deal("1")).isEqualTo(new DealRowView("Alpha", "Acme", new BigDecimal("1234.50"), "USD",
                rep.id(), "discovery", "OPEN", LocalDate.of(2025, 6, 15), null));
        UUID named = jdbc.sql("select id from app_user where name = :name and named_only and not active")
                .param("name", namedOwner).query(UUID.class).single();
        assertThat(deal("2")).isEqualTo(new DealRowView("Βήτα συμφωνία", "Ελληνική ΑΕ", new BigDecimal("1234.50"),
                "EUR", named, "won", "WON", LocalDate.of(2025, 5, 20), Instant.parse("2025-05-20T00:00:00Z")));
        assertThat(deal("3")).isEqualTo(new DealRowView("Gamma", "Gamma", new BigDecimal("1234.50"), "GBP",
                admin.id(), "proposal", "OPEN", null, null));
        assertThat(deal("11")).isEqualTo(new DealRowView("Lambda", "Lambda", null, null, admin.id(), "discovery",
                "OPEN", LocalDate.of(2025, 7, 3), null));
        assertThat(deal("12")).isEqualTo(new DealRowView("Mu", "Acme", new BigDecimal("500.00"), "USD", named,
                "lost", "LOST", LocalDate.of(2025, 4, 1), Instant.parse("2025-04-01T09:00:00Z")));
        assertThat(jdbc.sql("select created_at from deal where crm_ref = :ref").param("ref", id + "12")
                .query(Instant.class).single()).isEqualTo(Instant.parse("2025-03-04T10:15:00Z"));
        assertThat(history("2")).containsExactly("won@2025-05-20T00:00:00Z");
        assertThat(history("3")).containsExactly("proposal@2025-03-04T00:00:00Z");

        ImportOutcome again = run(messyFile("1 234,50"));
        assertThat(List.of(again.created(), again.updated(), again.unchanged(), again.rejected()))
                .containsExactly(0, 0, 5, 8);

        ImportOutcome changed = run(messyFile("2.000,00"));
        assertThat(List.of(changed.created(), changed.updated(), changed.unchanged(), changed.rejected()))
                .containsExactly(0, 1, 4, 8);
        assertThat(deal("3").amount()).isEqualByComparingTo("2000");
        assertThat(jdbc.sql("select count(*) from app_user where name = :name").param("name", namedOwner)
                .query(Integer.class).single()).as("one named owner, found again on re-import").isOne();
    }

    @Test
    void aPreviewSaysWhatAnImportWouldDoAndWritesNothing() {
        ImportOutcome preview = importer.preview(adminViewer, csv(messyFile("1 234,50")), null, mapping());

        assertThat(List.of(preview.created(), preview.updated(), preview.unchanged(), preview.rejected()))
                .containsExactly(5, 0, 0, 8);
        assertThat(jdbc.sql("select count(*) from deal where crm_ref like :prefix").param("prefix", id + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from app_user where name = :name").param("name", namedOwner)
                .query(Integer.class).single()).as("no named owner created").isZero();
    }

    @Test
    void onlyAdminsAndManagersImport() {
        Viewer repViewer = new Viewer(rep.id(), rep.email(), Role.REP, null);
        assertThatThrownBy(() -> importer.run(repViewer, csv(messyFile("1")), null, mapping(), ImportProgress.NONE))
                .isInstanceOf(ForbiddenException.class);
        TestData.Seller manager = data.user("MANAGER", null);
        ImportOutcome outcome = importer.run(new Viewer(manager.id(), manager.email(), Role.MANAGER, null),
                csv(messyFile("1")), null, mapping(), ImportProgress.NONE);
        assertThat(outcome.created()).isEqualTo(5);
    }

    @Test
    void anXlsxExportWithDateAndNumberCellsImportsLikeItsCsv() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Opportunities");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            String[] headers = HEADER.split(",");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row deal = sheet.createRow(2);
            deal.createCell(0).setCellValue(id + "X");
            deal.createCell(1).setCellValue("Excel deal");
            deal.createCell(2).setCellValue("Spreadsheet Inc");
            deal.createCell(4).setCellValue(1234567.5);
            deal.createCell(5).setCellValue("EUR");
            deal.createCell(6).setCellValue("Closed Won");
            deal.createCell(7).setCellValue(LocalDate.of(2025, 1, 15));
            deal.getCell(7).setCellStyle(dates);
            deal.createCell(8).setCellValue(LocalDate.of(2025, 2, 3));
            deal.getCell(8).setCellStyle(dates);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        SheetFile file = new SheetFile("opportunities.xlsx", xlsx);

        SheetOutline outline = importer.outline(file);
        assertThat(outline.headers()).containsExactly(HEADER.split(","));
        assertThat(outline.rows()).isOne();
        assertThat(outline.sample().get(0)).containsExactly(id + "X", "Excel deal", "Spreadsheet Inc", "",
                "1234567.5", "EUR", "Closed Won", "2025-01-15", "2025-02-03");

        ImportOutcome outcome = importer.run(adminViewer, file, null, mapping(), ImportProgress.NONE);
        assertThat(outcome.created()).isOne();
        assertThat(deal("X")).isEqualTo(new DealRowView("Excel deal", "Spreadsheet Inc", new BigDecimal("1234567.50"),
                "EUR", admin.id(), "won", "WON", LocalDate.of(2025, 2, 3), Instant.parse("2025-02-03T00:00:00Z")));
    }

    @Test
    void aNamedOwnerCannotSignInUntilAnAdminCreatesTheirAccountWhichKeepsTheirDeals() throws Exception {
        String email = "left-" + TestData.unique() + "@former.example";
        run(HEADER + "\n" + id + "1,Old deal,Acme," + email + ",100,USD,Closed Won,2025-01-02,2025-02-03\n");
        UUID named = jdbc.sql("select owner_id from deal where crm_ref = :ref").param("ref", id + "1")
                .query(UUID.class).single();
        assertThat(jdbc.sql("select named_only and not active and role = 'REP' and team_id is null "
                        + "and password_hash like '{argon2}%' from app_user where id = :id")
                .param("id", named).query(Boolean.class).single()).isTrue();
        for (String password : List.of(TestData.PASSWORD, "", "{noop}")) {
            assertThat(mvc.perform(post("/login").with(csrf()).param("email", email).param("password", password))
                    .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        mvc.perform(get("/admin/users").with(SignIn.as(admin)))
                .andExpect(content().string(Matchers.containsString("Named owner — no login")));

        mvc.perform(post("/admin/users").with(SignIn.as(admin)).with(csrf())
                        .param("name", "Lena Returned").param("email", email.toUpperCase()).param("role", "MANAGER")
                        .param("password", "initial password 1"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select id from app_user where lower(email) = lower(:email)").param("email", email)
                .query(UUID.class).list()).containsExactly(named);
        assertThat(jdbc.sql("select name || ' ' || role || ' ' || active || ' ' || named_only from app_user "
                + "where id = :id").param("id", named).query(String.class).single())
                .isEqualTo("Lena Returned MANAGER true false");
        assertThat(mvc.perform(post("/login").with(csrf()).param("email", email)
                .param("password", "initial password 1")).andReturn().getResponse().getRedirectedUrl())
                .isNotEqualTo("/login?error");
    }

    @Test
    void anImportNeverGeneratesPlansAndAStageChangeWithoutHistoryFileAddsOneEntry() {
        String header = HEADER + "\n";
        run(header + id + "1,Trigger deal,Acme,,,,Qualification,2025-03-04,\n" + id + "2,Closing deal,Acme,,,,"
                + "Qualification,2025-03-04,\n");
        assertThat(jdbc.sql("select count(*) from plan p join deal d on d.id = p.deal_id where d.crm_ref like :prefix")
                .param("prefix", id + "%").query(Integer.class).single())
                .as("no plan, though the deals are in the stage that triggers one").isZero();

        Instant before = Instant.now();
        ImportOutcome moved = run(header + id + "1,Trigger deal,Acme,,,,Proposal,2025-03-04,\n"
                + id + "2,Closing deal,Acme,,,,Closed Lost,2025-03-04,2025-04-07\n");

        assertThat(moved.updated()).isEqualTo(2);
        assertThat(history("1")).hasSize(2).first().isEqualTo("discovery@2025-03-04T00:00:00Z");
        assertThat(Instant.parse(history("1").get(1).substring("proposal@".length())))
                .as("an open deal moved at the import").isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
        assertThat(history("2")).containsExactly("discovery@2025-03-04T00:00:00Z", "lost@2025-04-07T00:00:00Z");
        assertThat(jdbc.sql("select close_reason from deal where crm_ref = :ref").param("ref", id + "2")
                .query(String.class).single()).isEqualTo("Imported from CRM");
    }

    @Test
    void theMappingStepIsOfferedStageNamesAndAFirstGuess() {
        SheetFile file = csv(HEADER + "\n1,A,Acme,,,,Qualification,2025-03-04,\n2,B,Acme,,,,QUALIFICATION,"
                + "2025-03-04,\n3,C,Acme,,,,Closed Won,2025-03-04,2025-03-05\n4,D,Acme,,,,Negotiation/Review,"
                + "2025-03-04,\n");
        SheetOutline outline = importer.outline(file);
        CrmMapping suggested = importer.suggest(outline, null);

        assertThat(suggested.columns()).isEqualTo(COLUMNS);
        assertThat(suggested.stages()).isEqualTo(Map.of("Closed Won", "won"));
        assertThat(importer.stageNames(file, suggested, null))
                .containsExactly("Qualification", "Closed Won", "Negotiation/Review");
        assertThat(importer.suggestStages(List.of("Qualification", "Closed Won", "Proposal", "Lost")))
                .isEqualTo(Map.of("Closed Won", "won", "Proposal", "proposal", "Lost", "lost"));
    }

    record DealRowView(String name, String account, BigDecimal amount, String currency, UUID owner, String stage,
            String status, LocalDate expectedClose, Instant closedAt) {
    }

    private DealRowView deal(String suffix) {
        return jdbc.sql("select name, account, amount, currency, owner_id, stage_key, status, expected_close_date, "
                        + "closed_at from deal where crm_ref = :ref")
                .param("ref", id + suffix)
                .query((rs, n) -> new DealRowView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .single();
    }

    private List<String> history(String suffix) {
        return jdbc.sql("select h.to_stage, h.changed_at from deal_stage_history h join deal d on d.id = h.deal_id "
                        + "where d.crm_ref = :ref order by h.changed_at, h.id")
                .param("ref", id + suffix)
                .query((rs, n) -> rs.getString(1) + "@" + rs.getTimestamp(2).toInstant())
                .list();
    }
}
