package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The deals API through the real HTTP stack: Bearer tokens, JSON in and out, visibility per role, merge
 * patches with optimistic locking, and problem details for every kind of bad input — which never changes
 * what is stored.
 */
@IntegrationTest
class DealApiIntegrationTest {

    /** Reasons the V15 migration lists; no test retires them. */
    static final String WON_REASON = "5a1e0001-0000-4000-8000-000000000001";
    static final String LOST_REASON = "5a1e0002-0000-4000-8000-000000000001";


    private static final String DEALS = "/api/v1/deals";
    private static final String LONG = "x".repeat(10_000);
    private static final List<String> DEFAULT_STAGES = List.of("prospecting", "discovery", "solution", "proposal",
            "negotiation", "won", "lost");
    private static final List<String> DEAL_FIELDS = List.of("id", "name", "account", "amount", "currency",
            "ownerEmail", "stage", "status", "expectedCloseDate", "crmRef", "version", "createdAt");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String marker;
    Seller manager;
    Seller rep;
    Seller teammate;
    Seller cs;
    Seller outsider;
    Seller admin;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void teams() {
        api = new ApiClient(port);
        marker = "m" + TestData.unique();
        UUID team = data.team("Deals");
        UUID otherTeam = data.team("Other deals");
        manager = data.user("MANAGER", team);
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        cs = data.user("CS", team);
        outsider = data.user("REP", otherTeam);
        admin = data.user("ADMIN", null);
    }

    // --- stages -------------------------------------------------------------------------------------------------

    @Test
    void stagesAreListedInPipelineOrder() {
        Response response = api.get("/api/v1/stages").bearer(token(rep)).send();

        assertThat(response.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (JsonNode stage : response.json()) {
            assertThat(stage.propertyNames()).containsExactlyInAnyOrder("key", "name", "position", "probability",
                    "triggersPlan");
            keys.add(stage.path("key").asString());
            positions.add(stage.path("position").asInt());
        }
        assertThat(keys).isEqualTo(jdbc.sql("select key from stage order by position").query(String.class).list());
        assertThat(keys).containsSubsequence(DEFAULT_STAGES);
        assertThat(keys.subList(keys.size() - 2, keys.size())).containsExactly("won", "lost");
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        JsonNode discovery = stage(response.json(), "discovery");
        assertThat(discovery.path("name").asString()).isEqualTo("Discovery");
        assertThat(discovery.path("probability").asInt()).isEqualTo(20);
        assertThat(discovery.path("triggersPlan").asBoolean()).isTrue();
        long triggers = 0;
        for (JsonNode stage : response.json()) {
            triggers += stage.path("triggersPlan").asBoolean() ? 1 : 0;
        }
        assertThat(triggers).isEqualTo(1);
        assertThat(stage(response.json(), "won").path("probability").asInt()).isEqualTo(100);
    }

    // --- create -------------------------------------------------------------------------------------------------

    @Test
    void createsADealWithEveryField() {
        Map<String, Object> fields = newDeal("Full");
        fields.put("amount", new BigDecimal("125000.50"));
        fields.put("currency", "EUR");
        fields.put("expectedCloseDate", "2031-03-15");
        fields.put("stage", "solution");
        fields.put("crmRef", "CRM-" + marker);
        fields.put("ownerEmail", teammate.email());

        Response response = api.post(DEALS).bearer(token(manager)).json(fields).send();

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode deal = response.json();
        assertThat(deal.propertyNames()).containsAll(DEAL_FIELDS);
        String id = deal.path("id").asString();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(DEALS + "/" + id));
        assertThat(deal.path("name").asString()).isEqualTo(fields.get("name"));
        assertThat(deal.path("account").asString()).isEqualTo(fields.get("account"));
        assertThat(deal.path("amount").decimalValue()).isEqualByComparingTo("125000.50");
        assertThat(deal.path("currency").asString()).isEqualTo("EUR");
        assertThat(deal.path("expectedCloseDate").asString()).isEqualTo("2031-03-15");
        assertThat(deal.path("stage").asString()).isEqualTo("solution");
        assertThat(deal.path("crmRef").asString()).isEqualTo("CRM-" + marker);
        assertThat(deal.path("ownerEmail").asString()).isEqualTo(teammate.email());
        assertThat(deal.path("status").asString()).isEqualTo("OPEN");
        assertThat(deal.path("version").isIntegralNumber()).isTrue();
        assertThat(Instant.parse(deal.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(5));

        Response read = api.get(response.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .bearer(token(manager)).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(deal);
        assertThat(read.header("ETag")).hasValue("\"" + deal.path("version").asLong() + "\"");
        assertThat(jdbc.sql("select owner_id from deal where id = :id").param("id", UUID.fromString(id))
                .query(UUID.class).single()).isEqualTo(teammate.id());
    }

    @Test
    void createDefaultsToTheFirstStageAndTheCaller() {
        JsonNode deal = create(rep, newDeal("Minimal"));

        assertThat(deal.path("stage").asString()).isEqualTo(firstOpenStage());
        assertThat(deal.path("ownerEmail").asString()).isEqualTo(rep.email());
        assertThat(deal.path("status").asString()).isEqualTo("OPEN");
        assertThat(deal.path("amount").isNull()).isTrue();
        assertThat(deal.path("currency").isNull()).isTrue();
        assertThat(deal.path("crmRef").isNull()).isTrue();
        assertThat(deal.path("expectedCloseDate").isNull()).isTrue();

        JsonNode history = api.get(DEALS + "/" + deal.path("id").asString() + "/history").bearer(token(rep)).send()
                .json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("fromStage").isNull()).isTrue();
        assertThat(history.get(0).path("toStage").asString()).isEqualTo(firstOpenStage());
        assertThat(history.get(0).path("actorEmail").asString()).isEqualTo(rep.email());
    }

    @Test
    void customerSuccessCannotCreateDeals() {
        api.post(DEALS).bearer(token(cs)).json(newDeal("By CS")).send().problem(403);

        assertThat(dealsWithMarker()).isZero();
    }

    @Test
    void aRepCannotOpenADealForSomeoneElse() {
        Map<String, Object> fields = newDeal("For teammate");
        fields.put("ownerEmail", teammate.email());

        api.post(DEALS).bearer(token(rep)).json(fields).send().fieldProblem("ownerEmail");

        fields.put("ownerEmail", cs.email());
        api.post(DEALS).bearer(token(manager)).json(fields).send().fieldProblem("ownerEmail");
        assertThat(dealsWithMarker()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewDeals")
    void invalidNewDealsAreRejectedNamingEachBadField(String label, String body, List<String> fields) {
        Response response = api.post(DEALS).bearer(token(rep)).body(body.replace("ACCOUNT", "Account " + marker))
                .send();

        if (fields.isEmpty()) {
            response.problem(400);
        } else {
            response.fieldProblem(fields.toArray(String[]::new));
        }
        assertThat(dealsWithMarker()).isZero();
        assertThat(dealsOwnedBy(rep)).isZero();
    }

    static Stream<Arguments> invalidNewDeals() {
        String base = "\"name\": \"Deal\", \"account\": \"ACCOUNT\"";
        return Stream.of(
                invalid("missing name and account", "{}", "name", "account"),
                invalid("blank name and account", "{\"name\": \"\", \"account\": \"   \"}", "name", "account"),
                invalid("missing account", "{\"name\": \"Deal\"}", "account"),
                invalid("amount not a number", "{" + base + ", \"amount\": \"abc\", \"currency\": \"EUR\"}",
                        "amount"),
                invalid("date not a date", "{" + base + ", \"expectedCloseDate\": \"tomorrow\"}",
                        "expectedCloseDate"),
                invalid("date that does not exist", "{" + base + ", \"expectedCloseDate\": \"2030-02-30\"}",
                        "expectedCloseDate"),
                invalid("10,000-character name", "{\"name\": \"" + LONG + "\", \"account\": \"ACCOUNT\"}", "name"),
                invalid("10,000-character account", "{\"name\": \"Deal\", \"account\": \"" + LONG + "ACCOUNT\"}",
                        "account"),
                invalid("10,000-character crmRef", "{" + base + ", \"crmRef\": \"" + LONG + "\"}", "crmRef"),
                invalid("unknown field", "{" + base + ", \"ammount\": 5}", "ammount"),
                invalid("amount without currency", "{" + base + ", \"amount\": 100}", "currency"),
                invalid("currency without amount", "{" + base + ", \"currency\": \"EUR\"}", "amount"),
                invalid("negative amount", "{" + base + ", \"amount\": -1, \"currency\": \"EUR\"}", "amount"),
                invalid("three decimals", "{" + base + ", \"amount\": 1.234, \"currency\": \"EUR\"}", "amount"),
                invalid("huge amount", "{" + base + ", \"amount\": 1e20, \"currency\": \"EUR\"}", "amount"),
                invalid("lower-case currency", "{" + base + ", \"amount\": 1, \"currency\": \"eur\"}", "currency"),
                invalid("unknown currency", "{" + base + ", \"amount\": 1, \"currency\": \"QQQ\"}", "currency"),
                invalid("owner not an email", "{" + base + ", \"ownerEmail\": \"not-an-email\"}", "ownerEmail"),
                invalid("owner unknown", "{" + base + ", \"ownerEmail\": \"nobody-" + TestData.unique()
                        + "@test.mutua.io\"}", "ownerEmail"),
                invalid("unknown stage", "{" + base + ", \"stage\": \"nope\"}", "stage"),
                invalid("closing stage", "{" + base + ", \"stage\": \"won\"}", "stage"),
                invalid("10,000-character stage", "{" + base + ", \"stage\": \"" + LONG + "\"}", "stage"),
                invalid("date beyond any calendar", "{" + base + ", \"expectedCloseDate\": \"+999999999-12-31\"}",
                        "expectedCloseDate"),
                invalid("date before any calendar", "{" + base + ", \"expectedCloseDate\": \"-999999999-01-01\"}",
                        "expectedCloseDate"),
                invalid("astronomical amount", "{" + base + ", \"amount\": 1e999999999, \"currency\": \"EUR\"}",
                        "amount"),
                invalid("NUL character in name", "{\"name\": \"De\\u0000al\", \"account\": \"ACCOUNT\"}",
                        "name"),
                invalid("NUL character in crmRef", "{" + base + ", \"crmRef\": \"CR\\u0000M\"}", "crmRef"),
                invalid("NUL character in stage", "{" + base + ", \"stage\": \"w\\u0000on\"}", "stage"),
                invalid("NUL character in owner", "{" + base + ", \"ownerEmail\": \"a\\u0000@test.mutua.io\"}",
                        "ownerEmail"),
                invalid("deeply nested JSON", "{\"name\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}"),
                invalid("name is an object", "{\"name\": {\"first\": 1}, \"account\": \"ACCOUNT\"}", "name"),
                invalid("malformed JSON", "{\"name\": \"Deal\", \"account\": "),
                invalid("empty body", ""),
                invalid("JSON null", "null"),
                invalid("JSON array", "[]"),
                invalid("JSON string", "\"ACCOUNT\""));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        api.post(DEALS).bearer(token(rep)).header("Content-Type", "text/plain").body("name=Deal").send()
                .problem(415);
        assertThat(dealsOwnedBy(rep)).isZero();
    }

    @Test
    void crmReferenceIsUnique() {
        Map<String, Object> first = newDeal("First");
        first.put("crmRef", "CRM-" + marker);
        create(rep, first);
        Map<String, Object> second = newDeal("Second");
        second.put("crmRef", "CRM-" + marker);

        api.post(DEALS).bearer(token(teammate)).json(second).send().fieldProblem("crmRef");

        assertThat(jdbc.sql("select count(*) from deal where crm_ref = :ref").param("ref", "CRM-" + marker)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(dealsOwnedBy(teammate)).isZero();
    }

    // --- read and visibility ------------------------------------------------------------------------------------

    @Test
    void eachRoleSeesExactlyItsDeals() {
        String own = id(create(rep, newDeal("Own")));
        String team = id(create(teammate, newDeal("Team")));
        String other = id(create(outsider, newDeal("Other team")));
        String won = id(create(teammate, newDeal("Won")));
        close(teammate, won, "WON");
        String otherWon = id(create(outsider, newDeal("Other team won")));
        close(outsider, otherWon, "WON");

        assertThat(visibleIds(rep)).containsExactlyInAnyOrder(own, team, won);
        assertThat(visibleIds(manager)).containsExactlyInAnyOrder(own, team, won);
        assertThat(visibleIds(admin)).containsExactlyInAnyOrder(own, team, other, won, otherWon);
        assertThat(visibleIds(cs)).containsExactly(won);
        assertThat(visibleIds(outsider)).containsExactlyInAnyOrder(other, otherWon);

        assertCanRead(rep, own, team, won);
        assertHidden(rep, other, otherWon);
        assertCanRead(manager, own, team, won);
        assertHidden(manager, other, otherWon);
        assertCanRead(admin, own, team, other, won, otherWon);
        assertCanRead(cs, won);
        assertHidden(cs, own, team, other, otherWon);
        assertCanRead(outsider, other);
        assertHidden(outsider, own, team, won);
    }

    @Test
    void aHiddenDealCannotBeChangedAndAnswersLikeAnUnknownOne() {
        String other = id(create(outsider, newDeal("Other team")));
        Map<String, Object> before = stored(other);
        String version = etag(outsider, other);

        for (String id : List.of(other, UUID.randomUUID().toString())) {
            api.patch(DEALS + "/" + id).bearer(token(rep)).header("If-Match", version)
                    .json(Map.of("name", "Taken over")).send().problem(404);
            api.post(DEALS + "/" + id + "/stage").bearer(token(rep)).json(Map.of("stage", "discovery")).send()
                    .problem(404);
            api.post(DEALS + "/" + id + "/close").bearer(token(rep)).json(Map.of("outcome", "LOST", "reasonId", LOST_REASON,
                        "reason", "x"))
                    .send().problem(404);
            api.get(DEALS + "/" + id + "/history").bearer(token(rep)).send().problem(404);
        }
        assertThat(stored(other)).isEqualTo(before);
    }

    @Test
    void onlyTheOwnerAManagerOrAnAdminChangesADeal() {
        String deal = id(create(teammate, newDeal("Teammate's")));
        Map<String, Object> before = stored(deal);
        String version = etag(teammate, deal);

        api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", version)
                .json(Map.of("name", "Renamed by rep")).send().problem(403);
        api.post(DEALS + "/" + deal + "/stage").bearer(token(rep)).json(Map.of("stage", "discovery")).send()
                .problem(403);
        api.post(DEALS + "/" + deal + "/close").bearer(token(rep)).json(Map.of("outcome", "LOST", "reasonId", LOST_REASON,
                        "reason", "x"))
                .send().problem(403);
        assertThat(stored(deal)).isEqualTo(before);

        Response byManager = api.patch(DEALS + "/" + deal).bearer(token(manager)).header("If-Match", version)
                .json(Map.of("name", "Renamed by manager " + marker)).send();
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(200);
        Response byAdmin = api.post(DEALS + "/" + deal + "/stage").bearer(token(admin))
                .json(Map.of("stage", "discovery")).send();
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        Response byOwner = api.post(DEALS + "/" + deal + "/close").bearer(token(teammate))
                .json(Map.of("outcome", "WON", "reasonId", WON_REASON,
                        "reason", "Signed")).send();
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(200);

        Map<String, Object> before2 = stored(deal);
        api.post(DEALS + "/" + deal + "/close").bearer(token(cs)).json(Map.of("outcome", "LOST", "reasonId", LOST_REASON,
                        "reason", "x"))
                .send().problem(403);
        api.patch(DEALS + "/" + deal).bearer(token(cs)).header("If-Match", etag(cs, deal))
                .json(Map.of("name", "Renamed by CS")).send().problem(403);
        assertThat(stored(deal)).isEqualTo(before2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"})
    void aPathIdThatIsNotAUuidIsBadInput(String id) {
        api.get(DEALS + "/" + id).bearer(token(rep)).send().fieldProblem("id");
        api.get(DEALS + "/" + id + "/history").bearer(token(rep)).send().fieldProblem("id");
        api.patch(DEALS + "/" + id).bearer(token(rep)).header("If-Match", "0").json(Map.of("name", "x")).send()
                .fieldProblem("id");
        api.post(DEALS + "/" + id + "/stage").bearer(token(rep)).json(Map.of("stage", "discovery")).send()
                .fieldProblem("id");
        api.post(DEALS + "/" + id + "/close").bearer(token(rep)).json(Map.of("outcome", "WON", "reasonId", WON_REASON,
                        "reason", "x"))
                .send().fieldProblem("id");
    }

    @Test
    void unsupportedMethodsAndPathsAreProblemsToo() {
        String deal = id(create(rep, newDeal("Stays")));
        Map<String, Object> before = stored(deal);

        api.method("DELETE", DEALS + "/" + deal).bearer(token(rep)).send().problem(405);
        api.method("PUT", DEALS + "/" + deal).bearer(token(rep)).json(newDeal("Replaced")).send().problem(405);
        api.get("/api/v1/nothing-here").bearer(token(rep)).send().problem(404);
        assertThat(stored(deal)).isEqualTo(before);
    }

    // --- list ---------------------------------------------------------------------------------------------------

    @Test
    void listIsPaged() {
        for (int i = 1; i <= 5; i++) {
            create(rep, newDeal("Paged " + i));
        }

        JsonNode first = list(rep, "q=" + marker + "&size=2").json();
        JsonNode last = list(rep, "q=" + marker + "&size=2&page=2").json();

        assertThat(first.propertyNames()).contains("content", "page", "size", "totalElements", "totalPages");
        assertThat(first.path("content")).hasSize(2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalElements").asLong()).isEqualTo(5);
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(last.path("content")).hasSize(1);
        assertThat(last.path("page").asInt()).isEqualTo(2);
        List<String> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            list(rep, "q=" + marker + "&size=2&page=" + page).json().path("content")
                    .forEach(deal -> all.add(deal.path("id").asString()));
        }
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        assertThat(list(rep, "q=" + marker + "&size=2&page=9").json().path("content")).isEmpty();
    }

    @Test
    void listFiltersByStageStatusOwnerAndText() {
        String prospecting = id(create(rep, newDeal("Alpha")));
        String discovery = id(create(rep, newDeal("Beta")));
        move(rep, discovery, "discovery");
        String teammates = id(create(teammate, newDeal("Gamma")));
        String won = id(create(teammate, newDeal("Delta")));
        close(teammate, won, "WON");
        String lost = id(create(rep, newDeal("Epsilon")));
        close(rep, lost, "LOST");

        assertThat(ids(list(rep, "q=" + marker + "&stage=discovery"))).containsExactly(discovery);
        assertThat(ids(list(rep, "q=" + marker + "&status=WON"))).containsExactly(won);
        assertThat(ids(list(rep, "q=" + marker + "&status=OPEN")))
                .containsExactlyInAnyOrder(prospecting, discovery, teammates);
        assertThat(ids(list(rep, "q=" + marker + "&owner=" + encode(teammate.email()))))
                .containsExactlyInAnyOrder(teammates, won);
        assertThat(ids(list(rep, "q=" + marker + "&owner=" + encode(teammate.email()) + "&status=OPEN")))
                .containsExactly(teammates);
        assertThat(ids(list(rep, "q=" + encode("beta " + marker)))).containsExactly(discovery);
        assertThat(ids(list(rep, "q=" + marker + "&owner=" + encode("nobody@test.mutua.io")))).isEmpty();
        assertThat(ids(list(rep, "q=" + encode("%_" + marker)))).isEmpty();
        assertThat(ids(list(outsider, "q=" + marker))).isEmpty();
    }

    @Test
    void oddListParametersAreHandled() {
        create(rep, newDeal("Listed"));

        list(rep, "q=" + marker + "%00").fieldProblem("q");
        list(rep, "owner=a%00b%40test.mutua.io").fieldProblem("owner");
        list(rep, "stage=disco%00very").fieldProblem("stage");
        for (String query : List.of("q=%25%5C%27", "q=" + "q".repeat(2_000), "page=2147483647&size=2147483647",
                "owner=" + "o".repeat(2_000))) {
            Response response = list(rep, query);
            assertThat(response.status()).as(query + " -> " + response.body()).isEqualTo(200);
            assertThat(response.json().path("content")).isEmpty();
        }
        JsonNode clamped = list(rep, "q=" + marker + "&page=-5&size=100000").json();
        assertThat(clamped.path("page").asInt()).isZero();
        assertThat(clamped.path("size").asInt()).isEqualTo(100);
        assertThat(clamped.path("content")).hasSize(1);
    }

    @Test
    void badListParametersAreNamed() {
        list(rep, "status=FOO").fieldProblem("status");
        assertThat(list(rep, "status=&q=" + marker).status()).as("an empty filter means any").isEqualTo(200);
        list(rep, "stage=nope").fieldProblem("stage");
        list(rep, "page=abc").fieldProblem("page");
        list(rep, "size=many").fieldProblem("size");
    }

    // --- patch --------------------------------------------------------------------------------------------------

    @Test
    void mergePatchKeepsAbsentFieldsAndClearsExplicitNulls() {
        String deal = id(create(rep, fullDeal("Patched")));
        String version = etag(rep, deal);

        Response renamed = api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", version)
                .header("Content-Type", "application/merge-patch+json")
                .body("{\"name\": \"Renamed " + marker + "\"}").send();

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode after = renamed.json();
        assertThat(after.path("name").asString()).isEqualTo("Renamed " + marker);
        assertThat(after.path("account").asString()).isEqualTo("Account " + marker);
        assertThat(after.path("amount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(after.path("currency").asString()).isEqualTo("EUR");
        assertThat(after.path("expectedCloseDate").asString()).isEqualTo("2031-06-30");
        assertThat(after.path("crmRef").asString()).isEqualTo("CRM-" + marker);
        assertThat(after.path("stage").asString()).isEqualTo("prospecting");
        assertThat(after.path("version").asLong()).isGreaterThan(Long.parseLong(version.replace("\"", "")));
        assertThat(renamed.header("ETag")).hasValue("\"" + after.path("version").asLong() + "\"");

        Response cleared = api.patch(DEALS + "/" + deal).bearer(token(rep))
                .header("If-Match", renamed.header("ETag").orElseThrow())
                .body("{\"crmRef\": null, \"expectedCloseDate\": null, \"amount\": null, \"currency\": null}")
                .send();

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("crmRef").isNull()).isTrue();
        assertThat(cleared.json().path("expectedCloseDate").isNull()).isTrue();
        assertThat(cleared.json().path("amount").isNull()).isTrue();
        assertThat(cleared.json().path("name").asString()).isEqualTo("Renamed " + marker);
        Map<String, Object> row = stored(deal);
        assertThat(row.get("name")).isEqualTo("Renamed " + marker);
        assertThat(row.get("crm_ref")).isNull();
        assertThat(row.get("amount")).isNull();
        assertThat(row.get("currency")).isNull();
        assertThat(row.get("expected_close_date")).isNull();
        assertThat(row.get("history")).isEqualTo(List.of("prospecting"));
    }

    @Test
    void patchNeedsIfMatch() {
        String deal = id(create(rep, fullDeal("Unconditional")));
        Map<String, Object> before = stored(deal);

        JsonNode problem = api.patch(DEALS + "/" + deal).bearer(token(rep)).json(Map.of("name", "Blind write"))
                .send().problem(428);

        assertThat(problem.path("detail").asString()).contains("If-Match");
        api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", "latest")
                .json(Map.of("name", "Blind write")).send().fieldProblem("If-Match");
        assertThat(stored(deal)).isEqualTo(before);
    }

    @Test
    void aStaleVersionIs412AndChangesNothing() {
        String deal = id(create(rep, fullDeal("Contended")));
        String read = etag(rep, deal);
        Response first = api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", read)
                .json(Map.of("account", "First writer " + marker)).send();
        assertThat(first.status()).isEqualTo(200);
        Map<String, Object> before = stored(deal);

        Response second = api.patch(DEALS + "/" + deal).bearer(token(manager)).header("If-Match", read)
                .json(Map.of("account", "Second writer " + marker)).send();

        JsonNode problem = second.problem(412);
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(first.json().path("version").asLong());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(stored(deal)).isEqualTo(before);

        api.post(DEALS + "/" + deal + "/stage").bearer(token(rep)).header("If-Match", read)
                .json(Map.of("stage", "discovery")).send().problem(412);
        api.post(DEALS + "/" + deal + "/close").bearer(token(rep)).header("If-Match", read)
                .json(Map.of("outcome", "WON", "reasonId", WON_REASON,
                        "reason", "Stale")).send().problem(412);
        assertThat(stored(deal)).isEqualTo(before);
    }

    @Test
    void ofTwoConcurrentPatchesOfTheSameVersionExactlyOneWins() throws Exception {
        String deal = id(create(rep, fullDeal("Raced")));
        String version = etag(rep, deal);
        token(manager);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Response> byRep = () -> {
            start.await();
            return api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", version)
                    .json(Map.of("account", "Rep's account " + marker)).send();
        };
        Callable<Response> byManager = () -> {
            start.await();
            return api.patch(DEALS + "/" + deal).bearer(token(manager)).header("If-Match", version)
                    .json(Map.of("account", "Manager's account " + marker)).send();
        };

        List<Response> responses = race(start, byRep, byManager);

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 412);
        Response winner = responses.stream().filter(response -> response.status() == 200).findFirst().orElseThrow();
        responses.stream().filter(response -> response.status() == 412).findFirst().orElseThrow().problem(412);
        Map<String, Object> row = stored(deal);
        assertThat(row.get("account")).isEqualTo(winner.json().path("account").asString());
        assertThat(row.get("version")).isEqualTo(winner.json().path("version").asLong());
    }

    @Test
    void ofTwoConcurrentDealsWithTheSameCrmReferenceExactlyOneIsCreated() throws Exception {
        token(teammate);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Object> first = newDeal("First racer");
        first.put("crmRef", "CRM-" + marker);
        Map<String, Object> second = newDeal("Second racer");
        second.put("crmRef", "CRM-" + marker);
        Callable<Response> byRep = () -> {
            start.await();
            return api.post(DEALS).bearer(token(rep)).json(first).send();
        };
        Callable<Response> byTeammate = () -> {
            start.await();
            return api.post(DEALS).bearer(token(teammate)).json(second).send();
        };

        List<Response> responses = race(start, byRep, byTeammate);

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(201, 400);
        responses.stream().filter(response -> response.status() == 400).findFirst().orElseThrow()
                .fieldProblem("crmRef");
        assertThat(jdbc.sql("select count(*) from deal where crm_ref = :ref").param("ref", "CRM-" + marker)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from deal_stage_history h join deal d on d.id = h.deal_id "
                + "where d.account = :account").param("account", "Account " + marker).query(Long.class).single())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatches")
    void invalidPatchesAreRejectedAndChangeNothing(String label, String body, List<String> fields) {
        String deal = id(create(rep, fullDeal("Guarded")));
        Map<String, Object> before = stored(deal);

        Response response = api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", etag(rep, deal))
                .body(body).send();

        if (fields.isEmpty()) {
            response.problem(400);
        } else {
            response.fieldProblem(fields.toArray(String[]::new));
        }
        assertThat(stored(deal)).isEqualTo(before);
    }

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                invalid("name cleared", "{\"name\": null}", "name"),
                invalid("account blank", "{\"account\": \" \"}", "account"),
                invalid("amount not a number", "{\"amount\": \"abc\"}", "amount"),
                invalid("amount cleared but not currency", "{\"amount\": null}", "amount"),
                invalid("date not a date", "{\"expectedCloseDate\": \"tomorrow\"}", "expectedCloseDate"),
                invalid("10,000-character name", "{\"name\": \"" + LONG + "\"}", "name"),
                invalid("10,000-character account", "{\"account\": \"" + LONG + "\"}", "account"),
                invalid("10,000-character crmRef", "{\"crmRef\": \"" + LONG + "\"}", "crmRef"),
                invalid("unknown field", "{\"ammount\": 5}", "ammount"),
                invalid("status is not editable", "{\"status\": \"WON\"}", "status"),
                invalid("version is not editable", "{\"version\": 99}", "version"),
                invalid("stage is moved elsewhere", "{\"stage\": \"discovery\"}", "stage"),
                invalid("lower-case currency", "{\"currency\": \"euro\"}", "currency"),
                invalid("owner not an email", "{\"ownerEmail\": \"someone\"}", "ownerEmail"),
                invalid("date beyond any calendar", "{\"expectedCloseDate\": \"+999999999-12-31\"}",
                        "expectedCloseDate"),
                invalid("NUL character in account", "{\"account\": \"Ac\\u0000me\"}", "account"),
                invalid("two bad fields", "{\"name\": \"\", \"account\": null}", "name", "account"),
                invalid("malformed JSON", "{\"name\": "),
                invalid("empty body", ""),
                invalid("JSON array", "[{\"name\": \"x\"}]"),
                invalid("JSON string", "\"x\""));
    }

    @Test
    void aPatchCannotStealAnotherDealsCrmReference() {
        Map<String, Object> first = newDeal("Has ref");
        first.put("crmRef", "CRM-" + marker);
        create(teammate, first);
        String deal = id(create(rep, newDeal("Wants ref")));
        Map<String, Object> before = stored(deal);

        api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", etag(rep, deal))
                .json(Map.of("crmRef", "CRM-" + marker)).send().fieldProblem("crmRef");

        assertThat(stored(deal)).isEqualTo(before);
    }

    @Test
    void aRepCannotHandTheirDealToSomeoneElse() {
        String deal = id(create(rep, newDeal("Mine")));
        Map<String, Object> before = stored(deal);

        api.patch(DEALS + "/" + deal).bearer(token(rep)).header("If-Match", etag(rep, deal))
                .json(Map.of("ownerEmail", teammate.email())).send().fieldProblem("ownerEmail");

        assertThat(stored(deal)).isEqualTo(before);
        Response byManager = api.patch(DEALS + "/" + deal).bearer(token(manager)).header("If-Match", etag(rep, deal))
                .json(Map.of("ownerEmail", teammate.email())).send();
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(200);
        assertThat(byManager.json().path("ownerEmail").asString()).isEqualTo(teammate.email());
    }

    // --- stage moves and closing --------------------------------------------------------------------------------

    @Test
    void historyListsEveryStageChangeOldestFirst() {
        String deal = id(create(rep, newDeal("Journey")));

        JsonNode moved = move(rep, deal, "discovery");
        assertThat(moved.path("stage").asString()).isEqualTo("discovery");
        move(rep, deal, "solution");
        JsonNode closed = close(rep, deal, "WON");

        assertThat(closed.path("status").asString()).isEqualTo("WON");
        assertThat(closed.path("stage").asString()).isEqualTo("won");
        JsonNode history = api.get(DEALS + "/" + deal + "/history").bearer(token(manager)).send().json();
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        for (JsonNode change : history) {
            from.add(change.path("fromStage").isNull() ? null : change.path("fromStage").asString());
            to.add(change.path("toStage").asString());
            at.add(Instant.parse(change.path("changedAt").asString()));
            assertThat(change.path("actorEmail").asString()).isEqualTo(rep.email());
        }
        assertThat(from).containsExactly(null, "prospecting", "discovery", "solution");
        assertThat(to).containsExactly("prospecting", "discovery", "solution", "won");
        assertThat(at).isSorted();
        assertThat(stored(deal).get("history")).isEqualTo(to);
    }

    @Test
    void closingRecordsOutcomeAndReason() {
        String deal = id(create(rep, newDeal("Lost one")));

        JsonNode closed = close(rep, deal, "LOST");

        assertThat(closed.path("status").asString()).isEqualTo("LOST");
        assertThat(closed.path("stage").asString()).isEqualTo("lost");
        Map<String, Object> row = stored(deal);
        assertThat(row.get("status")).isEqualTo("LOST");
        assertThat(row.get("close_reason")).isEqualTo("Closed in a test");
        assertThat(row.get("closed_at")).isNotNull();
    }

    @Test
    void aClosedDealCannotBeClosedAgainOrMoved() {
        String deal = id(create(rep, newDeal("Done")));
        close(rep, deal, "WON");
        Map<String, Object> before = stored(deal);

        api.post(DEALS + "/" + deal + "/close").bearer(token(rep))
                .json(Map.of("outcome", "LOST", "reasonId", LOST_REASON,
                        "reason", "Changed my mind")).send().problem(409);
        api.post(DEALS + "/" + deal + "/close").bearer(token(rep))
                .json(Map.of("outcome", "WON", "reasonId", WON_REASON,
                        "reason", "Again")).send().problem(409);
        api.post(DEALS + "/" + deal + "/stage").bearer(token(rep)).json(Map.of("stage", "negotiation")).send()
                .problem(409);
        api.post(DEALS + "/" + deal + "/stage").bearer(token(rep)).json(Map.of("stage", "won")).send()
                .problem(409);

        assertThat(stored(deal)).isEqualTo(before);
    }

    @Test
    void movingToAClosingStageSaysToUseClose() {
        String deal = id(create(rep, newDeal("Not yet")));
        Map<String, Object> before = stored(deal);

        for (String closing : List.of("won", "lost")) {
            JsonNode problem = api.post(DEALS + "/" + deal + "/stage").bearer(token(rep))
                    .json(Map.of("stage", closing)).send().fieldProblem("stage");
            assertThat(problem.path("detail").asString()).containsIgnoringCase("close");
        }
        assertThat(stored(deal)).isEqualTo(before);
    }

    @Test
    void movingToTheCurrentStageChangesNothing() {
        String deal = id(create(rep, newDeal("Still")));
        Map<String, Object> before = stored(deal);

        JsonNode same = move(rep, deal, "prospecting");

        assertThat(same.path("stage").asString()).isEqualTo("prospecting");
        assertThat(stored(deal)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMoves")
    void invalidMovesAreRejectedAndChangeNothing(String label, String body, List<String> fields) {
        String deal = id(create(rep, newDeal("Unmoved")));
        Map<String, Object> before = stored(deal);

        Response response = api.post(DEALS + "/" + deal + "/stage").bearer(token(rep)).body(body).send();

        if (fields.isEmpty()) {
            response.problem(400);
        } else {
            response.fieldProblem(fields.toArray(String[]::new));
        }
        assertThat(stored(deal)).isEqualTo(before);
    }

    static Stream<Arguments> invalidMoves() {
        return Stream.of(
                invalid("missing stage", "{}", "stage"),
                invalid("blank stage", "{\"stage\": \"\"}", "stage"),
                invalid("unknown stage", "{\"stage\": \"nope\"}", "stage"),
                invalid("10,000-character stage", "{\"stage\": \"" + LONG + "\"}", "stage"),
                invalid("NUL character in stage", "{\"stage\": \"disco\\u0000very\"}", "stage"),
                invalid("stage is an array", "{\"stage\": [1]}", "stage"),
                invalid("unknown field", "{\"stage\": \"discovery\", \"stag\": \"solution\"}", "stag"),
                invalid("malformed JSON", "{\"stage\": \"discovery\""),
                invalid("empty body", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClosings")
    void invalidClosingsAreRejectedAndChangeNothing(String label, String body, List<String> fields) {
        String deal = id(create(rep, newDeal("Open still")));
        Map<String, Object> before = stored(deal);

        Response response = api.post(DEALS + "/" + deal + "/close").bearer(token(rep)).body(body).send();

        if (fields.isEmpty()) {
            response.problem(400);
        } else {
            response.fieldProblem(fields.toArray(String[]::new));
        }
        assertThat(stored(deal)).isEqualTo(before);
    }

    static Stream<Arguments> invalidClosings() {
        String won = "\"reasonId\": \"" + WON_REASON + "\", ";
        String lost = "\"reasonId\": \"" + LOST_REASON + "\", ";
        return Stream.of(
                invalid("unknown outcome", "{\"outcome\": \"MAYBE\", " + won + "\"reason\": \"Unsure\"}", "outcome"),
                invalid("missing outcome", "{" + won + "\"reason\": \"Unsure\"}", "outcome"),
                invalid("outcome given as a number", "{\"outcome\": 1, " + won + "\"reason\": \"Unsure\"}",
                        "outcome"),
                invalid("missing reason", "{\"outcome\": \"WON\", \"details\": \"Signed\"}", "reasonId"),
                invalid("reason id that is not a UUID", "{\"outcome\": \"WON\", \"reasonId\": \"best\"}", "reasonId"),
                invalid("unknown reason id", "{\"outcome\": \"WON\", \"reasonId\": \"" + UUID.randomUUID() + "\"}",
                        "reasonId"),
                invalid("reason of the other outcome", "{\"outcome\": \"WON\", " + lost + "\"details\": \"x\"}",
                        "reasonId"),
                invalid("missing both", "{}", "outcome", "reasonId"),
                invalid("10,000-character reason", "{\"outcome\": \"LOST\", " + lost + "\"reason\": \"" + LONG
                        + "\"}", "reason"),
                invalid("10,000-character details", "{\"outcome\": \"LOST\", " + lost + "\"details\": \"" + LONG
                        + "\"}", "details"),
                invalid("101-character competitor", "{\"outcome\": \"LOST\", " + lost + "\"competitor\": \""
                        + "c".repeat(101) + "\"}", "competitor"),
                invalid("unknown field", "{\"outcome\": \"WON\", " + won + "\"reason\": \"x\", \"reasn\": \"y\"}",
                        "reasn"),
                invalid("NUL character in reason", "{\"outcome\": \"LOST\", " + lost
                        + "\"reason\": \"Pr\\u0000ice\"}", "reason"),
                invalid("malformed JSON", "{\"outcome\": \"WON\", "),
                invalid("empty body", ""));
    }

    // --- documentation ------------------------------------------------------------------------------------------

    @Test
    void openApiDocumentListsTheDealsApiAnonymously() {
        Response docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.contentType()).startsWith("application/json");
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.propertyNames()).contains(DEALS, DEALS + "/{id}", DEALS + "/{id}/stage",
                DEALS + "/{id}/close", DEALS + "/{id}/history", "/api/v1/stages", "/api/v1/tokens");
        JsonNode patchBody = paths.path(DEALS + "/{id}").path("patch").path("requestBody").path("content");
        assertThat(patchBody.path("application/merge-patch+json").path("schema").path("$ref").asString())
                .endsWith("DealFields");
        assertThat(docs.json().path("components").path("schemas").path("DealFields").path("properties")
                .propertyNames()).contains("name", "account", "amount", "currency", "expectedCloseDate", "crmRef",
                        "ownerEmail");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Runs both calls at once (released together by {@code start}) and returns their responses. */
    private static List<Response> race(CountDownLatch start, Callable<Response> one, Callable<Response> other)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = pool.submit(one);
            Future<Response> second = pool.submit(other);
            start.countDown();
            return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Arguments invalid(String label, String body, String... fields) {
        return Arguments.of(label, body, List.of(fields));
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }

    private Map<String, Object> newDeal(String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name + " " + marker);
        fields.put("account", "Account " + marker);
        return fields;
    }

    private Map<String, Object> fullDeal(String name) {
        Map<String, Object> fields = newDeal(name);
        fields.put("amount", 5000);
        fields.put("currency", "EUR");
        fields.put("expectedCloseDate", "2031-06-30");
        fields.put("crmRef", "CRM-" + marker);
        return fields;
    }

    private JsonNode create(Seller seller, Map<String, Object> fields) {
        Response response = api.post(DEALS).bearer(token(seller)).json(fields).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode move(Seller seller, String deal, String stage) {
        Response response = api.post(DEALS + "/" + deal + "/stage").bearer(token(seller))
                .json(Map.of("stage", stage)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode close(Seller seller, String deal, String outcome) {
        Response response = api.post(DEALS + "/" + deal + "/close").bearer(token(seller))
                .json(Map.of("outcome", outcome, "reasonId", outcome.equals("WON") ? WON_REASON : LOST_REASON,
                        "reason", "Closed in a test")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String etag(Seller seller, String deal) {
        Response response = api.get(DEALS + "/" + deal).bearer(token(seller)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.header("ETag").orElseThrow();
    }

    private Response list(Seller seller, String query) {
        return api.get(DEALS + "?" + query).bearer(token(seller)).send();
    }

    private List<String> visibleIds(Seller seller) {
        return ids(list(seller, "q=" + marker + "&size=100"));
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("content").forEach(deal -> ids.add(deal.path("id").asString()));
        return ids;
    }

    private void assertCanRead(Seller seller, String... deals) {
        for (String deal : deals) {
            Response response = api.get(DEALS + "/" + deal).bearer(token(seller)).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("id").asString()).isEqualTo(deal);
        }
    }

    private void assertHidden(Seller seller, String... deals) {
        JsonNode unknown = api.get(DEALS + "/" + UUID.randomUUID()).bearer(token(seller)).send().problem(404);
        for (String deal : deals) {
            JsonNode hidden = api.get(DEALS + "/" + deal).bearer(token(seller)).send().problem(404);
            for (String field : List.of("type", "title", "status", "detail")) {
                assertThat(hidden.path(field)).as(field).isEqualTo(unknown.path(field));
            }
            api.get(DEALS + "/" + deal + "/history").bearer(token(seller)).send().problem(404);
        }
    }

    /** The stored row of a deal with its stage history, to prove that a rejected request changed nothing. */
    private Map<String, Object> stored(String deal) {
        UUID id = UUID.fromString(deal);
        Map<String, Object> row = new HashMap<>(jdbc.sql("select * from deal where id = :id").param("id", id)
                .query().singleRow());
        row.put("history", jdbc.sql("select to_stage from deal_stage_history where deal_id = :id order by id")
                .param("id", id).query(String.class).list());
        return row;
    }

    private long dealsWithMarker() {
        return jdbc.sql("select count(*) from deal where name like :m or account like :m")
                .param("m", "%" + marker + "%").query(Long.class).single();
    }

    private long dealsOwnedBy(Seller seller) {
        return jdbc.sql("select count(*) from deal where owner_id = :owner").param("owner", seller.id())
                .query(Long.class).single();
    }

    private String firstOpenStage() {
        return jdbc.sql("select key from stage where outcome is null order by position limit 1")
                .query(String.class).single();
    }

    private static JsonNode stage(JsonNode stages, String key) {
        for (JsonNode stage : stages) {
            if (stage.path("key").asString().equals(key)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + key + " in " + stages);
    }

    private static String id(JsonNode deal) {
        return deal.path("id").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
