package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A deal's MEDDPICC qualification over real HTTP: the card in its documented shape, replacing one element with
 * If-Match (required: 428 without, 412 when stale), and a problem for every kind of bad input that changes nothing.
 */
@IntegrationTest
class QualificationApiIntegrationTest {

    private static final List<String> KEYS = List.of("metrics", "economic_buyer", "decision_criteria",
            "decision_process", "paper_process", "identify_pain", "champion", "competition");
    private static final List<String> ELEMENT_FIELDS = List.of("element", "status", "notes", "contactName",
            "contactEmail", "person", "required", "missing", "updatedAt", "updatedBy", "version");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Seller rep;
    Seller teammate;
    Seller outsider;
    String dealId;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void aDeal() {
        api = new ApiClient(port);
        UUID team = data.team("Qualification API");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        outsider = data.user("REP", data.team("Other qualification API"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Qualification API " + TestData.unique());
        fields.put("account", "Buyer Inc.");
        fields.put("stage", "prospecting");
        Response created = api.post("/api/v1/deals").bearer(token(rep)).json(fields).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        dealId = created.json().path("id").asString();
    }

    @Test
    void theCardListsEveryElementInOrderAndWhatConversionStillNeeds() {
        Response response = api.get(card()).bearer(token(teammate)).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode card = response.json();
        assertThat(card.propertyNames()).containsExactlyInAnyOrder("elements", "missingForConversion");
        List<String> keys = new ArrayList<>();
        for (JsonNode element : card.path("elements")) {
            assertThat(element.propertyNames()).containsExactlyInAnyOrderElementsOf(ELEMENT_FIELDS);
            keys.add(element.path("element").asString());
            assertThat(element.path("status").asString()).isEqualTo("UNKNOWN");
            assertThat(element.path("version").asLong()).isZero();
        }
        assertThat(keys).containsExactlyElementsOf(KEYS);
        JsonNode champion = element(card, "champion");
        assertThat(champion.path("person").asBoolean()).isTrue();
        assertThat(champion.path("required").asBoolean()).isTrue();
        assertThat(champion.path("missing").asBoolean()).isTrue();
        assertThat(element(card, "metrics").path("required").asBoolean()).isFalse();
        assertThat(strings(card.path("missingForConversion"))).containsExactly("economic_buyer", "champion");

        api.get(card()).bearer(token(outsider)).send().problem(404);
        api.get("/api/v1/deals/" + UUID.randomUUID() + "/qualification").bearer(token(rep)).send().problem(404);
    }

    @Test
    void anElementIsReplacedWithItsVersionAndAStaleVersionOverwritesNothing() {
        Response first = put("champion", "0", Map.of("status", "CONFIRMED", "notes", "Pushes internally",
                "contactName", "Maria Pappa", "contactEmail", "maria@buyer.example"), rep);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).hasValue("\"1\"");
        JsonNode champion = first.json();
        assertThat(champion.path("element").asString()).isEqualTo("champion");
        assertThat(champion.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(champion.path("contactEmail").asString()).isEqualTo("maria@buyer.example");
        assertThat(champion.path("updatedBy").asString()).isEqualTo(rep.name());
        assertThat(champion.path("missing").asBoolean()).isFalse();
        assertThat(champion.path("version").asLong()).isEqualTo(1);

        JsonNode stale = put("champion", "0", Map.of("status", "PARTIAL"), rep).problem(412);
        assertThat(stale.path("currentVersion").asLong()).isEqualTo(1);
        put("champion", null, Map.of("status", "PARTIAL"), rep).problem(428);
        put("champion", "one", Map.of("status", "PARTIAL"), rep).fieldProblem("If-Match");

        Response second = put("champion", "W/\"1\"", Map.of("status", "PARTIAL", "notes", "Went quiet"), rep);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode card = api.get(card()).bearer(token(rep)).send().json();
        assertThat(element(card, "champion").path("notes").asString()).isEqualTo("Went quiet");
        assertThat(element(card, "champion").path("contactEmail").isNull())
                .as("a PUT replaces the element: the contact left out is cleared").isTrue();
        assertThat(strings(card.path("missingForConversion"))).containsExactly("economic_buyer", "champion");
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        put("budget", "0", Map.of("status", "CONFIRMED"), rep).problem(404);
        put("metrics", "0", Map.of("status", "MAYBE"), rep).fieldProblem("status");
        put("metrics", "0", Map.of("notes", "No status"), rep).fieldProblem("status");
        put("metrics", "0", Map.of("status", "CONFIRMED", "contactEmail", "cfo@buyer.example"), rep)
                .fieldProblem("contactEmail");
        put("champion", "0", Map.of("status", "CONFIRMED", "contactEmail", "not-an-email"), rep)
                .fieldProblem("contactEmail");
        put("metrics", "0", Map.of("status", "CONFIRMED", "notes", "x".repeat(5001)), rep).fieldProblem("notes");
        put("metrics", "0", Map.of("status", "CONFIRMED"), teammate).problem(403);
        put("metrics", "0", Map.of("status", "CONFIRMED"), outsider).problem(404);

        assertThat(jdbc.sql("select count(*) from qualification where deal_id = :deal")
                .param("deal", UUID.fromString(dealId)).query(Long.class).single()).isZero();
    }

    private Response put(String element, String ifMatch, Map<String, Object> body, Seller as) {
        ApiClient.Call call = api.method("PUT", card() + "/" + element).bearer(token(as)).json(body);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    private String card() {
        return "/api/v1/deals/" + dealId + "/qualification";
    }

    private static JsonNode element(JsonNode card, String key) {
        for (JsonNode element : card.path("elements")) {
            if (element.path("element").asString().equals(key)) {
                return element;
            }
        }
        throw new AssertionError("no element " + key + " in " + card);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }
}
