package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The CRM import wizard over HTTP as a manager uses it: upload, accept the suggested mapping, preview, import in the
 * background while polling the progress, and the outcome; who may see which import; bad files; stale mappings.
 */
@IntegrationTest
class CrmImportWizardIntegrationTest {

    private static final int ROWS = 30;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportRunner runner;

    @Test
    void aManagerUploadsMapsPreviewsImportsAndSeesTheOutcome() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import"));
        String prefix = "W" + TestData.unique();

        String deals = body(mvc.perform(get("/deals").with(SignIn.as(manager))).andReturn().getResponse());
        assertThat(deals).contains("href=\"/imports/deals\"", "Import CRM history");
        String uploadPage = body(mvc.perform(get("/imports/deals").with(SignIn.as(manager))).andReturn().getResponse());
        assertThat(text(uploadPage)).contains("Deals file (CSV or XLSX)", "Stage history file (optional)",
                "The CRM’s id of each deal (required)", "You have not imported anything yet.");

        UUID id = upload(manager, CrmExportFiles.deals(prefix, ROWS));
        MockHttpServletResponse mapping = mvc.perform(get("/imports/deals/" + id + "/mapping")
                .with(SignIn.as(manager))).andReturn().getResponse();
        assertThat(mapping.getStatus()).isEqualTo(200);
        String mappingText = text(body(mapping));
        assertThat(mappingText).contains("The file has " + (ROWS + 2) + " rows", "CRM id required",
                "Opportunity Name", prefix + "-1", "A date in your file: 2025-01-06",
                "Closed Won", "Closed Lost", "Proposal", CrmExportFiles.UNKNOWN_STAGE);
        Map<String, String> suggested = FormFields.of(body(mapping), "form.crm-mapping");
        assertThat(suggested).containsEntry("column_ID", "Opportunity ID").containsEntry("column_STAGE", "Stage")
                .containsEntry("column_CREATED", "Created Date");
        assertThat(stageChoice(suggested, "Closed Won")).isEqualTo("won");
        assertThat(stageChoice(suggested, CrmExportFiles.UNKNOWN_STAGE)).as("no pipeline stage is named so").isEmpty();

        MockHttpServletResponse saved = mvc.perform(form(post("/imports/deals/" + id + "/mapping"), suggested)
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/imports/deals/" + id + "/preview");

        String preview = body(mvc.perform(get("/imports/deals/" + id + "/preview").with(SignIn.as(manager)))
                .andReturn().getResponse());
        assertThat(count(preview, "count-created")).isEqualTo(ROWS);
        assertThat(count(preview, "count-rejected")).isEqualTo(2);
        assertThat(text(preview)).contains("Deals to create", "Back to mapping", CrmExportFiles.BAD_AMOUNT,
                CrmExportFiles.UNKNOWN_STAGE);
        assertThat(jdbc.sql("select count(*) from deal where crm_ref like :p").param("p", prefix + "-%")
                .query(Integer.class).single()).as("a preview writes nothing").isZero();
        String version = FormFields.of(preview, "form[action$=/run]").get("version");

        MockHttpServletResponse started = mvc.perform(post("/imports/deals/" + id + "/run").param("version", version)
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(started.getRedirectedUrl()).isEqualTo("/imports/deals/" + id);

        String progress = await().atMost(Duration.ofSeconds(30)).until(
                () -> body(mvc.perform(get("/imports/deals/" + id).with(SignIn.as(manager))
                        .header("HX-Request", "true")).andReturn().getResponse()),
                fragment -> !fragment.contains("every 1s"));
        assertThat(progress).as("htmx gets the fragment only").doesNotContain("<html")
                .contains("id=\"import-progress\"");
        assertThat(text(progress)).contains("Import finished", ROWS + " deals created, 0 updated, 0 unchanged, 2 rejected",
                CrmExportFiles.BAD_AMOUNT, CrmExportFiles.UNKNOWN_STAGE);
        assertThat(progress).contains("href=\"/deals\"", "href=\"/insights/sales-cycle\"");
        assertThat(jdbc.sql("select count(*) from deal where crm_ref like :p").param("p", prefix + "-%")
                .query(Integer.class).single()).isEqualTo(ROWS);

        MockHttpServletResponse again = mvc.perform(post("/imports/deals/" + id + "/run").param("version", version)
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).as("a second click only shows the import").isEqualTo("/imports/deals/" + id);
        String page = body(mvc.perform(get("/imports/deals/" + id).with(SignIn.as(manager))).andReturn().getResponse());
        assertThat(text(page)).as("it did not run a second time (which would find every deal unchanged)")
                .contains(ROWS + " deals created, 0 updated, 0 unchanged").doesNotContain("Importing…");

        String list = text(body(mvc.perform(get("/imports/deals").with(SignIn.as(manager))).andReturn().getResponse()));
        assertThat(list).contains("Imported", ROWS + " created, 0 updated, 0 unchanged, 2 rejected");
    }

    @Test
    void onlyManagersAndAdminsImportAndAnImportIsOnlyItsUploadersAndAdmins() throws Exception {
        UUID team = data.team("CRM import access");
        TestData.Seller rep = data.user("REP", team);
        TestData.Seller manager = data.user("MANAGER", team);
        TestData.Seller otherManager = data.user("MANAGER", team);
        TestData.Seller admin = data.user("ADMIN", team);

        assertThat(mvc.perform(get("/imports/deals").with(SignIn.as(rep))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(body(mvc.perform(get("/deals").with(SignIn.as(rep))).andReturn().getResponse()))
                .doesNotContain("/imports/deals");
        MockHttpServletResponse repUpload = mvc.perform(multipart("/imports/deals")
                .file(new MockMultipartFile("file", "deals.csv", "text/csv", CrmExportFiles.deals("R", 2)))
                .with(SignIn.as(rep)).with(csrf())).andReturn().getResponse();
        assertThat(repUpload.getStatus()).isEqualTo(403);

        UUID id = upload(manager, CrmExportFiles.deals("A" + TestData.unique(), 3));
        for (String path : new String[] {"/mapping", "/preview", ""}) {
            assertThat(mvc.perform(get("/imports/deals/" + id + path).with(SignIn.as(otherManager))).andReturn()
                    .getResponse().getStatus()).as(path).isEqualTo(404);
        }
        assertThat(mvc.perform(post("/imports/deals/" + id + "/run").param("version", "0")
                .with(SignIn.as(otherManager)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/imports/deals/" + id + "/mapping").with(SignIn.as(admin))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(body(mvc.perform(get("/imports/deals").with(SignIn.as(otherManager))).andReturn().getResponse()))
                .doesNotContain(id.toString());
    }

    @Test
    void aFileThatIsNoSpreadsheetOrHasNoRowsIsRefusedAndNothingIsKept() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import bad files"));

        MockHttpServletResponse wrongType = mvc.perform(multipart("/imports/deals")
                .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(wrongType.getStatus()).isEqualTo(422);
        assertThat(text(body(wrongType))).contains("Upload a CSV or XLSX file.", "Deals file (CSV or XLSX)");

        MockHttpServletResponse headerOnly = mvc.perform(multipart("/imports/deals")
                .file(new MockMultipartFile("file", "empty.csv", "text/csv",
                        (CrmExportFiles.HEADER + "\n").getBytes(StandardCharsets.UTF_8)))
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(headerOnly.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(body(headerOnly)).select(".field-error").text()).isNotBlank();

        MockHttpServletResponse none = mvc.perform(multipart("/imports/deals")
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(text(body(none))).contains("Choose a file to upload.");

        assertThat(jdbc.sql("select count(*) from crm_import where created_by = :by").param("by", manager.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMappingSavedMeanwhileIsNotOverwrittenAndTheEditorKeepsWhatTheyChose() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import stale"));
        UUID id = upload(manager, CrmExportFiles.deals("S" + TestData.unique(), 3));
        String mapping = body(mvc.perform(get("/imports/deals/" + id + "/mapping").with(SignIn.as(manager)))
                .andReturn().getResponse());
        Map<String, String> first = FormFields.of(mapping, "form.crm-mapping");
        Map<String, String> second = new LinkedHashMap<>(first);
        second.put("column_ACCOUNT", "");
        second.put("dates", "EU");

        assertThat(mvc.perform(form(post("/imports/deals/" + id + "/mapping"), first).with(SignIn.as(manager))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        MockHttpServletResponse stale = mvc.perform(form(post("/imports/deals/" + id + "/mapping"), second)
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(text(body(stale))).contains("Someone saved this mapping while you were editing it",
                "the saved mapping was");
        Map<String, String> shown = FormFields.of(body(stale), "form.crm-mapping");
        assertThat(shown).as("the editor's choices are still there")
                .containsEntry("column_ACCOUNT", "").containsEntry("dates", "EU")
                .containsEntry("version", String.valueOf(Long.parseLong(first.get("version")) + 1));
        assertThat(jdbc.sql("select mapping ->> 'dates' from crm_import where id = :id").param("id", id)
                .query(String.class).single()).as("the first save stays").isEqualTo("AUTO");

        MockHttpServletResponse missing = mvc.perform(form(post("/imports/deals/" + id + "/mapping"),
                Map.of("version", shown.get("version"), "currency", "EUR", "column_NAME", "Opportunity Name"))
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(body(missing)).select("#column_ID-error").text())
                .isEqualTo("Choose the column that holds this.");
    }

    @Test
    void changingTheStageColumnListsTheNamesInThatColumn() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import stages"));
        UUID id = upload(manager, CrmExportFiles.deals("N" + TestData.unique(), 3));

        String byAccount = body(mvc.perform(get("/imports/deals/" + id + "/mapping/stages")
                .param("column_STAGE", "Account Name").param("version", "0")
                .header("HX-Request", "true").with(SignIn.as(manager))).andReturn().getResponse());

        assertThat(byAccount).doesNotContain("<html").contains("id=\"stage-mapping\"");
        assertThat(text(byAccount)).contains("Account 1", "Account 2").doesNotContain("Closed Won");
    }

    @Test
    void anImportStillRunningAnHourAfterItStartedIsReportedAsInterrupted() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import interrupted"));
        UUID id = upload(manager, CrmExportFiles.deals("I" + TestData.unique(), 3));
        jdbc.sql("update crm_import set status = 'RUNNING', started_at = :at, mapping = cast(:mapping as jsonb) where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(61)))).param("id", id)
                .param("mapping", "{\"columns\": {\"ID\": \"Opportunity ID\"}, \"stages\": {}, \"dates\": \"AUTO\"}")
                .update();

        runner.failInterrupted();

        String page = text(body(mvc.perform(get("/imports/deals/" + id).with(SignIn.as(manager))).andReturn()
                .getResponse()));
        assertThat(page).contains("Import failed", "the server restarted while it ran", "Back to mapping")
                .doesNotContain("Importing…");
    }

    @Test
    void aWeekAfterAnImportItsFilesAreDroppedAndItsOutcomeStays() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import clean-up"));
        UUID id = upload(manager, CrmExportFiles.deals("C" + TestData.unique(), 3));
        jdbc.sql("update crm_import set status = 'DONE', finished_at = :at, mapping = cast(:mapping as jsonb), "
                        + "outcome = cast(:outcome as jsonb) where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(8)))).param("id", id)
                .param("mapping", "{\"columns\": {\"ID\": \"Opportunity ID\"}, \"stages\": {}, \"dates\": \"AUTO\"}")
                .param("outcome", "{\"created\": 3, \"updated\": 0, \"unchanged\": 0, \"rejected\": 0, \"errors\": []}")
                .update();

        runner.deleteOldFiles();

        MockHttpServletResponse mapping = mvc.perform(get("/imports/deals/" + id + "/mapping")
                .with(SignIn.as(manager))).andReturn().getResponse();
        assertThat(mapping.getStatus()).isEqualTo(409);
        assertThat(text(body(mapping))).contains("The files of this import have been deleted");
        assertThat(text(body(mvc.perform(get("/imports/deals/" + id).with(SignIn.as(manager))).andReturn()
                .getResponse()))).contains("3 deals created, 0 updated, 0 unchanged, 0 rejected.");
    }

    private UUID upload(TestData.Seller manager, byte[] csv) throws Exception {
        String name = "deals-" + TestData.unique() + ".csv";
        MockHttpServletResponse response = mvc.perform(multipart("/imports/deals")
                .file(new MockMultipartFile("file", name, "text/csv", csv))
                .with(SignIn.as(manager)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).matches("/imports/deals/[0-9a-f-]{36}/mapping");
        return UUID.fromString(location.split("/")[3]);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request,
            Map<String, String> fields) {
        fields.forEach(request::param);
        return request;
    }

    private static String stageChoice(Map<String, String> fields, String name) {
        return fields.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("stageName_") && entry.getValue().equals(name))
                .map(entry -> fields.get("stageKey_" + entry.getKey().substring("stageName_".length())))
                .findFirst().orElseThrow(() -> new AssertionError("no stage name " + name + " in " + fields));
    }

    private static int count(String html, String id) {
        return Integer.parseInt(Jsoup.parse(html).getElementById(id).text().trim());
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String text(String html) {
        return Jsoup.parse(html).text();
    }
}
