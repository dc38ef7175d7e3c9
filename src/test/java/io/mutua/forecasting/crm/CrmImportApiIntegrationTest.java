package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.Pipeline;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/imports/deals}: deals and their stage history from a CRM export, feeding the stage statistics
 * at once; a dry run, and the refusals a client can act on.
 */
@IntegrationTest
class CrmImportApiIntegrationTest {

    private static final String PATH = "/api/v1/imports/deals";
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    Pipeline pipeline;
    @Autowired
    Holidays holidays;
    @Autowired
    Clock clock;

    ApiClient api;
    String token;
    String id;
    String qualify;
    String demo;

    @BeforeEach
    void aManagerWithATokenAndTwoStagesOfTheirOwn() {
        api = new ApiClient(port);
        TestData.Seller manager = data.user("MANAGER", data.team("CRM import"));
        token = api.token(manager.email(), TestData.PASSWORD);
        id = "API-" + TestData.unique() + "-";
        String unique = TestData.unique();
        qualify = pipeline.add("Qualify " + unique, 20).key();
        demo = pipeline.add("Demo " + unique, 50).key();
    }

    private String mapping() {
        return """
                {"columns":{"ID":"Opportunity ID","NAME":"Opportunity Name","AMOUNT":"Amount","STAGE":"Stage",\
                "CREATED":"Created Date","CLOSE_DATE":"Close Date"},\
                "history":{"DEAL_ID":"Opportunity ID","STAGE":"To Stage","ENTERED_AT":"Last Modified"},\
                "stages":{"Qualifying":"%s","Demo":"%s","Closed Won":"won","Closed Lost":"lost"},\
                "dates":"US","defaultCurrency":"USD"}""".formatted(qualify, demo);
    }

    private MockHttpServletResponse post(String query, String mapping, byte[] deals, byte[] history) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(PATH + query);
        if (deals != null) {
            request.file(new MockMultipartFile("file", "opportunities.csv", "text/csv", deals));
        }
        if (history != null) {
            request.file(new MockMultipartFile("history", "history.csv", "text/csv", history));
        }
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return mvc.perform(request.header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en")).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return ApiClient.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void importedHistoryFeedsTheStageStatisticsAtOnce() throws Exception {
        LocalDate start = LocalDate.now(clock).minusDays(200);
        StringBuilder deals = new StringBuilder("Opportunity ID,Opportunity Name,Amount,Stage,Created Date,Close Date\n");
        List<String> historyRows = new ArrayList<>();
        BusinessCalendar calendar = holidays.calendar();
        List<Integer> inQualify = new ArrayList<>();
        List<Integer> inDemo = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate created = start.plusDays(i * 5L);
            LocalDate demoDay = created.plusDays(1 + i * 3L);
            LocalDate closed = demoDay.plusDays(4 + (i % 3) * 6L);
            deals.append(id).append(i).append(",Deal ").append(i).append(",\"1,000\",")
                    .append(i % 2 == 0 ? "Closed Won" : "Closed Lost").append(',').append(US.format(created))
                    .append(',').append(US.format(closed)).append('\n');
            historyRows.add(id + i + ",Demo," + US.format(demoDay) + " 2:30 PM");
            historyRows.add(id + i + ",qualifying," + US.format(created));
            if (i % 2 == 0) {
                historyRows.add(id + i + ",Closed Won," + US.format(closed));
            }
            inQualify.add(Math.max(0, calendar.businessDaysBetween(created, demoDay)));
            inDemo.add(Math.max(0, calendar.businessDaysBetween(demoDay, closed)));
        }
        Collections.shuffle(historyRows, new java.util.Random(7));
        historyRows.add(id + "99,Demo," + US.format(start));
        historyRows.add(id + "0,Somewhere,"+ US.format(start));
        String history = "Opportunity ID,To Stage,Last Modified\n" + String.join("\n", historyRows) + "\n";

        MockHttpServletResponse response = post("", mapping(), deals.toString().getBytes(StandardCharsets.UTF_8),
                history.getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode outcome = json(response);
        assertThat(outcome.path("created").asInt()).isEqualTo(7);
        assertThat(outcome.path("rejected").asInt()).isEqualTo(2);
        assertThat(outcome.path("errors").toString()).contains(
                "{\"file\":\"history\",\"row\":" + (historyRows.size()) + ",\"message\":\"No deal with CRM id “" + id
                        + "99” in the deals file.\"}",
                "{\"file\":\"history\",\"row\":" + (historyRows.size() + 1)
                        + ",\"message\":\"Unknown stage “Somewhere” — map it to a pipeline stage.\"}");

        JsonNode durations = api.get("/api/v1/insights/stage-durations").bearer(token).send().json();
        assertThat(figures(durations, qualify)).isEqualTo(Map.of("sampleSize", 7.0, "median", median(inQualify)));
        assertThat(figures(durations, demo)).isEqualTo(Map.of("sampleSize", 7.0, "median", median(inDemo)));

        JsonNode again = json(post("", mapping(), deals.toString().getBytes(StandardCharsets.UTF_8),
                history.getBytes(StandardCharsets.UTF_8)));
        assertThat(List.of(again.path("created").asInt(), again.path("updated").asInt(),
                again.path("unchanged").asInt())).as("re-import").containsExactly(0, 0, 7);
        assertThat(jdbc.sql("select count(*) from deal_stage_history h join deal d on d.id = h.deal_id "
                + "where d.crm_ref like :prefix").param("prefix", id + "%").query(Integer.class).single())
                .as("three stages entered by each deal, not more after the re-import").isEqualTo(21);
    }

    private static Map<String, Double> figures(JsonNode durations, String stage) {
        for (JsonNode duration : durations) {
            if (duration.path("stage").asString().equals(stage)) {
                return Map.of("sampleSize", duration.path("sampleSize").asDouble(), "median",
                        duration.path("medianBusinessDays").asDouble());
            }
        }
        throw new AssertionError("No figures for " + stage + " in " + durations);
    }

    private static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndWritesNothing() throws Exception {
        String deals = "Opportunity ID,Opportunity Name,Amount,Stage,Created Date,Close Date\n"
                + id + "1,One,100,Qualifying,3/4/2025,\n" + id + "2,Two,12k,Qualifying,3/4/2025,\n";

        MockHttpServletResponse response = post("?dryRun=true", mapping(), deals.getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"created\":1,\"updated\":0,\"unchanged\":0,\"rejected\":1,"
                + "\"errors\":[{\"file\":\"deals\",\"row\":3,\"message\":\"Amount: “12k” is not an amount.\"}]}");
        assertThat(jdbc.sql("select count(*) from deal where crm_ref like :prefix").param("prefix", id + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRepMayNotImport() throws Exception {
        TestData.Seller rep = data.user("REP", null);
        token = api.token(rep.email(), TestData.PASSWORD);
        MockHttpServletResponse response = post("", mapping(),
                "Opportunity ID,Opportunity Name,Stage,Created Date\nX,Y,Demo,3/4/2025\n".getBytes(), null);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("Only admins and managers can import deals");
    }

    @Test
    void aMappingThatDoesNotFitIsRefusedNamingWhatIsWrong() throws Exception {
        byte[] deals = "Opportunity ID,Opportunity Name,Stage,Created Date\nX,Y,Demo,3/4/2025\n".getBytes();
        Map<String, String> refusals = Map.of(
                "{not json", "The column mapping is not valid JSON",
                mapping().replace("\"dates\"", "\"colour\":\"red\",\"dates\""), "unknown field: “colour”",
                mapping().replace("\"NAME\"", "\"TITLE\""), "unknown field: “columns.TITLE”",
                mapping().replace("\"Demo\":\"" + demo + "\"", "\"Demo\":\"no-such-stage\""),
                "“Demo” is mapped to stage “no-such-stage”, which is not in the pipeline.",
                mapping(), "The file has no column “Amount” (chosen for AMOUNT).",
                mapping().replace("\"US\"", "\"LUNAR\""), "Date format “LUNAR” is unknown");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            MockHttpServletResponse response = post("", refusal.getKey(), deals, null);
            assertThat(response.getStatus()).as(refusal.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(refusal.getValue())
                    .doesNotContain("Exception");
        }
        assertThat(post("", mapping(), null, null).getContentAsString()).contains("Choose the file to import");
        assertThat(post("", mapping(), "\u0000\u0001binary".getBytes(), null).getContentAsString(
                StandardCharsets.UTF_8)).contains("is neither a CSV nor an Excel (XLSX) file");
    }

    @Test
    void theApiDescriptionShowsTheMappingWithAnExample() {
        String docs = api.get("/v3/api-docs").send().body();
        assertThat(docs).contains("/api/v1/imports/deals", "multipart/form-data", "dryRun",
                "\\\"ENTERED_AT\\\":\\\"Last Modified\\\"", "\\\"Closed Won\\\":\\\"won\\\"", "defaultCurrency");
    }
}
