package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.deals.DealService;
import io.mutua.deals.Outcome;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The plan spreadsheet over the API with a personal token: exports with the sellers' rules, imports as a raw CSV or
 * XLSX body or a multipart file, and refusals as problem details — 400 listing every wrong row, 404 for plans the
 * caller does not see, 409 for a closed plan.
 */
@IntegrationTest
class SpreadsheetApiIntegrationTest {

    private static final int BASELINE_DATE = 5;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    PlanService plans;
    @Autowired
    DealService deals;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    SpreadsheetFixtures spreadsheets;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void exportsTheSharedStepsAndOnRequestTheInternalOnesWithAToken() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        ApiClient api = new ApiClient(port);
        String token = api.token(fixture.rep().email(), TestData.PASSWORD);

        Response csv = api.get(path(fixture.planId(), "export.csv")).bearer(token).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("Account%20" + fixture.tag());
        assertThat(csv.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(csv.body()).startsWith("\uFEFFmilestone,step,side,owners,target date,baseline date,status,"
                + "completed on,notes\r\n").contains(fixture.sharedStep().title()).doesNotContain(internal.secret());

        Response all = api.get(path(fixture.planId(), "export.csv?internal=true")).bearer(token).send();
        assertThat(all.body()).contains(",notes,visibility\r\n", "Step " + internal.secret(), "INTERNAL");

        HttpResponse<byte[]> xlsx = bytes(HttpRequest.newBuilder(uri(path(fixture.planId(), "export.xlsx")))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).contains(XlsxSheets.CONTENT_TYPE);
        List<List<String>> rows = Sheets.xlsx(xlsx.body());
        assertThat(rows.get(0)).containsExactly("milestone", "step", "side", "owners", "target date",
                "baseline date", "status", "completed on", "notes");
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(fixture.sharedStep().title()));
    }

    @Test
    void plansTheCallerDoesNotSeeAreNotFoundAndATokenIsNeeded() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        ApiClient api = new ApiClient(port);
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        String token = api.token(stranger.email(), TestData.PASSWORD);

        for (String path : List.of(path(fixture.planId(), "export.csv"), path(fixture.planId(), "export.xlsx"),
                path(fixture.planId(), "export.csv?internal=true"), path(UUID.randomUUID(), "export.csv"))) {
            Response response = api.get(path).bearer(token).send();
            response.problem(404);
            assertThat(response.body()).doesNotContain(fixture.sharedStep().title());
        }
        api.post(path(fixture.planId(), "import")).bearer(token).header("Content-Type", "text/csv")
                .body("milestone,step,side,owners,target date,status,notes\r\nX,Y,SELLER,,,,\r\n").send().problem(404);
        assertThat(api.get(path(fixture.planId(), "export.csv")).send().status()).isEqualTo(401);
        assertThat(plans.get(fixture.viewer(), fixture.planId()).steps()).hasSameSizeAs(fixture.plan().steps());
    }

    @Test
    void aCsvBodyAnXlsxBodyAndAMultipartFileAllImport() throws Exception {
        MutualPlanFixtures.Fixture source = spreadsheets.workedPlan();
        ApiClient api = new ApiClient(port);
        String token = api.token(source.rep().email(), TestData.PASSWORD);

        PlanView csvTwin = spreadsheets.twinOf(source);
        String csv = api.get(path(source.planId(), "export.csv")).bearer(token).send().body();
        Response imported = api.post(path(csvTwin.id(), "import")).bearer(token)
                .header("Content-Type", "text/csv; charset=UTF-8").body(csv).send();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("added").asInt()).isEqualTo(2);
        assertThat(imported.json().path("milestonesCreated").asInt()).isEqualTo(2);
        String twinCsv = api.get(path(csvTwin.id(), "export.csv")).bearer(token).send().body();
        assertThat(Sheets.without(Sheets.csv(twinCsv.getBytes(StandardCharsets.UTF_8)), BASELINE_DATE))
                .isEqualTo(Sheets.without(Sheets.csv(csv.getBytes(StandardCharsets.UTF_8)), BASELINE_DATE));

        PlanView xlsxTwin = spreadsheets.twinOf(source);
        byte[] xlsx = bytes(HttpRequest.newBuilder(uri(path(source.planId(), "export.xlsx")))
                .header("Authorization", "Bearer " + token).GET()).body();
        HttpResponse<byte[]> xlsxImported = bytes(HttpRequest.newBuilder(uri(path(xlsxTwin.id(), "import")))
                .header("Authorization", "Bearer " + token).header("Content-Type", XlsxSheets.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx)));
        assertThat(xlsxImported.statusCode()).as(new String(xlsxImported.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        byte[] twinXlsx = bytes(HttpRequest.newBuilder(uri(path(xlsxTwin.id(), "export.xlsx")))
                .header("Authorization", "Bearer " + token).GET()).body();
        assertThat(Sheets.without(Sheets.xlsx(twinXlsx), BASELINE_DATE))
                .isEqualTo(Sheets.without(Sheets.xlsx(xlsx), BASELINE_DATE));

        String milestone = source.plan().milestones().get(0).title();
        MockHttpServletResponse multipartImport = mvc.perform(multipart(path(source.planId(), "import"))
                .file(new MockMultipartFile("file", "extra.csv", "text/csv", ("Milestone;Step;Side;Owners;"
                        + "Target Date;Status;Notes\r\n\"" + milestone + "\";Sent from the API;seller;"
                        + source.rep().email() + ";2027-03-01;in progress;Ναι\r\n").getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(multipartImport.getStatus()).as(multipartImport.getContentAsString()).isEqualTo(200);
        StepView added = plans.get(source.viewer(), source.planId()).steps().stream()
                .filter(step -> step.title().equals("Sent from the API")).findFirst().orElseThrow();
        assertThat(added.status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(added.targetDate()).hasToString("2027-03-01");
        assertThat(added.description()).isEqualTo("Ναι");
        assertThat(added.owners()).singleElement().satisfies(owner -> assertThat(owner.email())
                .isEqualTo(source.rep().email()));
    }

    @Test
    void aRefusedImportLists400ProblemsByRowAndColumnAndChangesNothing() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        ApiClient api = new ApiClient(port);
        String token = api.token(fixture.rep().email(), TestData.PASSWORD);
        String sheet = "milestone,step,side,owners,target date,status,notes\r\n"
                + "New one,Fine,SELLER,,2027-02-01,,\r\n"
                + "New one,Bad date,SELLER,,2026-13-01,,\r\n"
                + "New one,Bad side,VENDOR,role:NOBODY,,,\r\n";

        JsonNode problem = api.post(path(fixture.planId(), "import")).bearer(token).header("Content-Type", "text/csv")
                .body(sheet).send().problem(400);

        assertThat(problem.path("detail").asString()).isEqualTo("Nothing was imported: 3 problems need fixing.");
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.path("row").asInt() + "|"
                + error.path("column").asString() + "|" + error.path("message").asString()));
        assertThat(errors).containsExactly(
                "3|target date|Row 3, target date: “2026-13-01” is not a date (yyyy-mm-dd).",
                "4|side|Row 4, side: “VENDOR” is not a side; use one of SELLER, BUYER.",
                "4|owners|Row 4, owners: “role:NOBODY” is not a role such as role:CHAMPION.");

        JsonNode unreadable = api.post(path(fixture.planId(), "import")).bearer(token)
                .header("Content-Type", "text/csv").body("just,some,columns\r\n1,2,3\r\n").send().problem(400);
        assertThat(unreadable.path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(plans.get(fixture.viewer(), fixture.planId()).milestones())
                .noneMatch(milestone -> milestone.title().equals("New one"));
    }

    @Test
    void aClosedPlanTakesNoImport() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        deals.close(fixture.viewer(), fixture.deal().id(), Outcome.WON, "Signed", null);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> plans.get(fixture.viewer(), fixture.planId()).status() == PlanStatus.CLOSED);
        ApiClient api = new ApiClient(port);
        String token = api.token(fixture.rep().email(), TestData.PASSWORD);

        api.post(path(fixture.planId(), "import")).bearer(token).header("Content-Type", "text/csv")
                .body("milestone,step,side,owners,target date,status,notes\r\nLate,Too late,SELLER,,,,\r\n").send()
                .problem(409);
        assertThat(api.get(path(fixture.planId(), "export.csv")).bearer(token).send().status())
                .as("a closed plan still exports").isEqualTo(200);
    }

    private static String path(UUID planId, String rest) {
        return "/api/v1/plans/" + planId + "/" + rest;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<byte[]> bytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
