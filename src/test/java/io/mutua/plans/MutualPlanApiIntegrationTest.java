package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import io.mutua.collaboration.BuyingRole;
import io.mutua.collaboration.Participants;
import io.mutua.identity.Users;
import java.time.LocalDate;
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
 * Converting a closing plan into a mutual action plan over real HTTP, and that plan's details, sections and
 * participants in the plan JSON: If-Match on every write (428 without, 412 when stale), 409 listing the missing
 * qualification, a manager's recorded override, and nothing stored on any refusal.
 */
@IntegrationTest
class MutualPlanApiIntegrationTest {

    private static final List<String> SECTION_FIELDS = List.of("key", "markdown", "version", "updatedAt");
    private static final List<String> PARTICIPANT_FIELDS = List.of("id", "name", "email", "title", "side",
            "buyingRole", "mainContact", "status");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Participants participants;
    @Autowired
    Users users;

    ApiClient api;
    Seller rep;
    Seller manager;
    String dealId;
    JsonNode plan;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void aClosingPlan() {
        api = new ApiClient(port);
        UUID team = data.team("Mutual plan API");
        rep = data.user("REP", team);
        manager = data.user("MANAGER", team);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Mutual plan API " + TestData.unique());
        fields.put("account", "Buyer Inc.");
        fields.put("stage", "prospecting");
        Response deal = api.post("/api/v1/deals").bearer(token(rep)).json(fields).send();
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        dealId = deal.json().path("id").asString();
        Response generated = api.post("/api/v1/deals/" + dealId + "/plan").bearer(token(rep)).send();
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        plan = generated.json();
    }

    @Test
    void conversionIsRefusedWithTheMissingElementsAndNeedsTheCurrentVersion() {
        assertThat(plan.path("kind").asString()).isEqualTo("CLOSING");
        assertThat(plan.path("sections").isEmpty()).as("a closing plan has no sections").isTrue();
        Response read = api.get(planPath()).bearer(token(rep)).send();
        assertThat(read.header("ETag")).hasValue("\"" + version() + "\"");

        convert(null, null, rep).problem(428);
        convert("nope", null, rep).fieldProblem("If-Match");
        convert(Long.toString(version() + 1), null, rep).problem(412);
        JsonNode missing = convert(Long.toString(version()), null, rep).problem(409);
        assertThat(strings(missing.path("missing"))).containsExactly("economic_buyer", "champion");

        confirm("champion");
        JsonNode stillMissing = convert(Long.toString(version()), Map.of(), rep).problem(409);
        assertThat(strings(stillMissing.path("missing"))).containsExactly("economic_buyer");
        convert(Long.toString(version()), Map.of("overrideReason", "x".repeat(501)), manager)
                .fieldProblem("overrideReason");
        assertThat(kind()).isEqualTo("CLOSING");
    }

    @Test
    void aQualifiedPlanConvertsOnceAndItsJsonGainsSectionsAndParticipants() {
        confirm("champion");
        confirm("economic_buyer");

        Response converted = convert(Long.toString(version()), null, rep);

        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        JsonNode mutual = converted.json();
        assertThat(mutual.path("kind").asString()).isEqualTo("MUTUAL");
        assertThat(mutual.path("convertedAt").isString()).isTrue();
        assertThat(mutual.path("conversionOverride").isNull()).isTrue();
        assertThat(converted.header("ETag")).hasValue("\"" + mutual.path("version").asLong() + "\"");
        List<String> keys = new ArrayList<>();
        for (JsonNode section : mutual.path("sections")) {
            assertThat(section.propertyNames()).containsExactlyInAnyOrderElementsOf(SECTION_FIELDS);
            keys.add(section.path("key").asString());
            assertThat(section.path("version").asLong()).isZero();
        }
        assertThat(keys).containsExactly("problems", "solution", "success_criteria", "buying_process");
        JsonNode ae = single(mutual.path("participants"));
        assertThat(ae.propertyNames()).containsExactlyInAnyOrderElementsOf(PARTICIPANT_FIELDS);
        assertThat(ae.path("email").asString()).isEqualTo(rep.email());
        assertThat(ae.path("side").asString()).isEqualTo("SELLER");
        assertThat(ae.path("mainContact").asBoolean()).isTrue();

        participants.addBuyer(users.viewer(rep.id()), planId(), "Maria Pappa", "maria@buyer.example", "CFO",
                BuyingRole.ECONOMIC_BUYER);
        JsonNode withBuyer = api.get(planPath()).bearer(token(rep)).send().json();
        JsonNode buyer = null;
        for (JsonNode participant : withBuyer.path("participants")) {
            if (participant.path("side").asString().equals("BUYER")) {
                buyer = participant;
            }
        }
        assertThat(buyer).as("the buyer in %s", withBuyer.path("participants")).isNotNull();
        assertThat(buyer.path("name").asString()).isEqualTo("Maria Pappa");
        assertThat(buyer.path("title").asString()).isEqualTo("CFO");
        assertThat(buyer.path("buyingRole").asString()).isEqualTo("ECONOMIC_BUYER");
        assertThat(buyer.path("status").asString()).isEqualTo("ADDED");
        assertThat(buyer.path("mainContact").asBoolean()).isFalse();

        JsonNode again = convert(Long.toString(mutual.path("version").asLong()), null, rep).problem(409);
        assertThat(again.path("detail").asString()).contains("already a mutual action plan");
    }

    @Test
    void aRepCannotOverrideButAManagerCanAndTheReasonIsRecorded() {
        convert(Long.toString(version()), Map.of("overrideReason", "Trust me"), rep).problem(403);
        assertThat(kind()).isEqualTo("CLOSING");

        Response converted = convert(Long.toString(version()),
                Map.of("overrideReason", "Board meets on Friday"), manager);

        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        assertThat(converted.json().path("kind").asString()).isEqualTo("MUTUAL");
        assertThat(converted.json().path("conversionOverride").asString()).isEqualTo("Board meets on Friday");
        assertThat(jdbc.sql("select after from plan_activity where plan_id = :plan and action = 'CONVERTED'")
                .param("plan", planId()).query(String.class).single()).isEqualTo("Board meets on Friday");
    }

    @Test
    void sectionsAreWrittenWithTheirVersion() {
        String problems = planPath() + "/sections/problems";
        section(problems, "0", "We need this").problem(409);
        makeMutual();

        section(problems, null, "We need this").problem(428);
        section(planPath() + "/sections/key_dates", "0", "x").problem(404);
        api.method("PUT", problems).bearer(token(rep)).header("If-Match", "0").json(Map.of()).send()
                .fieldProblem("markdown");
        Response written = section(problems, "0", "## Pain\n\nOnboarding takes *30 days*.");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.header("ETag")).hasValue("\"1\"");
        assertThat(written.json().path("key").asString()).isEqualTo("problems");
        assertThat(written.json().path("markdown").asString()).isEqualTo("## Pain\n\nOnboarding takes *30 days*.");
        assertThat(written.json().path("version").asLong()).isEqualTo(1);

        JsonNode stale = section(problems, "0", "Overwrite").problem(412);
        assertThat(stale.path("currentVersion").asLong()).isEqualTo(1);
        JsonNode read = api.get(planPath()).bearer(token(rep)).send().json();
        JsonNode saved = read.path("sections").get(0);
        assertThat(saved.path("markdown").asString()).isEqualTo("## Pain\n\nOnboarding takes *30 days*.");
        assertThat(saved.path("updatedAt").isString()).isTrue();
    }

    @Test
    void theDetailsAreSetWithThePlanVersionAndCheckedForLanguageAndDomains() {
        makeMutual();
        long version = version();
        LocalDate signature = LocalDate.now().plusMonths(2);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("language", "el");
        details.put("targetSignature", signature.toString());
        details.put("targetGoLive", signature.plusMonths(1).toString());
        details.put("allowedDomains", "Buyer.example, @buyer-group.example");

        details(null, details).problem(428);
        details(Long.toString(version), Map.of("language", "fr")).fieldProblem("language");
        details(Long.toString(version), Map.of("language", "en", "allowedDomains", "not a domain"))
                .fieldProblem("allowedDomains");
        details(Long.toString(version), Map.of("allowedDomains", "buyer.example")).fieldProblem("language");
        details(Long.toString(version), Map.of("language", "en", "targetSignature", "31/12/2027"))
                .fieldProblem("targetSignature");

        Response saved = details(Long.toString(version), details);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode json = saved.json();
        assertThat(json.path("language").asString()).isEqualTo("el");
        assertThat(json.path("targetSignature").asString()).isEqualTo(signature.toString());
        assertThat(json.path("targetGoLive").asString()).isEqualTo(signature.plusMonths(1).toString());
        assertThat(json.path("allowedDomains").asString()).isEqualTo("buyer.example, buyer-group.example");
        details(Long.toString(version), Map.of("language", "en")).problem(412);
        assertThat(api.get(planPath()).bearer(token(rep)).send().json().path("language").asString())
                .isEqualTo("el");
    }

    private void makeMutual() {
        confirm("champion");
        confirm("economic_buyer");
        Response converted = convert(Long.toString(version()), null, rep);
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
    }

    private void confirm(String element) {
        Response response = api.method("PUT", "/api/v1/deals/" + dealId + "/qualification/" + element)
                .bearer(token(rep)).header("If-Match", "0").json(Map.of("status", "CONFIRMED")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Response convert(String ifMatch, Map<String, Object> body, Seller as) {
        ApiClient.Call call = api.post(planPath() + "/convert").bearer(token(as));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    private Response section(String path, String ifMatch, String markdown) {
        ApiClient.Call call = api.method("PUT", path).bearer(token(rep)).json(Map.of("markdown", markdown));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    private Response details(String ifMatch, Map<String, Object> body) {
        ApiClient.Call call = api.method("PUT", planPath() + "/details").bearer(token(rep)).json(body);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    private long version() {
        return api.get(planPath()).bearer(token(rep)).send().json().path("version").asLong();
    }

    private String kind() {
        return jdbc.sql("select kind from plan where id = :id").param("id", planId()).query(String.class).single();
    }

    private UUID planId() {
        return UUID.fromString(plan.path("id").asString());
    }

    private String planPath() {
        return "/api/v1/plans/" + plan.path("id").asString();
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.size()).as("entries in %s", array).isEqualTo(1);
        return array.get(0);
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
