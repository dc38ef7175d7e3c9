package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playbooks API over real HTTP: the JSON has the shape of the playbook files Mutua ships with; every seller
 * reads, only admins write; replacing needs If-Match; and content that plans use is never changed in place.
 */
@IntegrationTest
class PlaybookApiIntegrationTest {

    static final String PLAYBOOKS = "/api/v1/playbooks";
    static final List<String> SUMMARY_FIELDS = List.of("id", "name", "description", "segment", "minAmount",
            "maxAmount", "priority", "isDefault", "archived", "contentVersion", "version");
    static final List<String> STEP_FIELDS = List.of("key", "title", "guidance", "side", "ownerRole", "visibility",
            "stage", "defaultDays", "dependsOn");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Playbooks playbooks;

    ApiClient api;
    String marker;
    Seller admin;
    Seller rep;
    Seller manager;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void sellers() {
        api = new ApiClient(port);
        marker = TestData.unique();
        UUID team = data.team("Playbook API");
        admin = data.user("ADMIN", null);
        rep = data.user("REP", team);
        manager = data.user("MANAGER", team);
    }

    @AfterEach
    void archiveWhatWasMade() {
        for (PlaybookView playbook : playbooks.list(false)) {
            if (playbook.name().contains(marker)) {
                playbooks.archive(playbook.id(), playbook.version(), true);
            }
        }
    }

    // --- read ------------------------------------------------------------------------------------------------------

    @Test
    void everySellerListsThePlaybooksAndArchivedOnesOnlyWhenAsked() {
        String active = create(body("Listed")).path("id").asString();
        String retired = create(body("Retired")).path("id").asString();
        playbooks.archive(UUID.fromString(retired), playbooks.get(UUID.fromString(retired)).version(), true);

        Response response = api.get(PLAYBOOKS).bearer(token(rep)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode listed = byId(response.json(), active);
        assertThat(listed.propertyNames()).containsExactlyInAnyOrderElementsOf(SUMMARY_FIELDS);
        assertThat(listed.path("name").asString()).isEqualTo("Listed " + marker);
        assertThat(listed.path("segment").asString()).isEqualTo("Test-" + marker);
        assertThat(listed.path("minAmount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(listed.path("maxAmount").isNull()).isTrue();
        assertThat(listed.path("priority").asInt()).isEqualTo(50);
        assertThat(listed.path("isDefault").asBoolean()).isFalse();
        assertThat(listed.path("archived").asBoolean()).isFalse();
        assertThat(listed.path("contentVersion").asInt()).isEqualTo(1);
        assertThat(byId(response.json(), retired)).isNull();
        assertThat(names(response.json())).contains("Enterprise new business", "Mid-market");
        JsonNode midMarket = byName(response.json(), "Mid-market");
        assertThat(midMarket.path("isDefault").asBoolean()).isTrue();

        Response all = api.get(PLAYBOOKS + "?archived=true").bearer(token(manager)).send();
        assertThat(all.status()).isEqualTo(200);
        assertThat(byId(all.json(), retired).path("archived").asBoolean()).isTrue();
        assertThat(byId(all.json(), active)).isNotNull();
        api.get(PLAYBOOKS + "?archived=maybe").bearer(token(rep)).send().fieldProblem("archived");
    }

    @Test
    void aPlaybookReadsLikeTheFileItWasLoadedFrom() throws IOException {
        UUID id = byName(api.get(PLAYBOOKS).bearer(token(rep)).send().json(), "Enterprise new business")
                .path("id").asString().transform(UUID::fromString);

        Response response = api.get(PLAYBOOKS + "/" + id).bearer(token(rep)).send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode playbook = response.json();
        List<String> fields = new ArrayList<>(SUMMARY_FIELDS);
        fields.add("content");
        assertThat(playbook.propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(response.header("ETag")).hasValue("\"" + playbook.path("version").asLong() + "\"");
        JsonNode file = shipped("/playbooks/enterprise-new-business.json");
        for (String setting : List.of("name", "description", "segment", "priority", "isDefault")) {
            assertThat(playbook.path(setting)).as(setting).isEqualTo(file.path(setting));
        }
        assertThat(playbook.path("minAmount").decimalValue()).isEqualByComparingTo(file.path("minAmount").decimalValue());
        assertThat(playbook.path("content")).isEqualTo(file.path("content"));
        JsonNode step = playbook.path("content").path("milestones").get(0).path("steps").get(0);
        assertThat(step.propertyNames()).containsExactlyInAnyOrderElementsOf(STEP_FIELDS);

        api.get(PLAYBOOKS + "/" + UUID.randomUUID()).bearer(token(rep)).send().problem(404);
        api.get(PLAYBOOKS + "/not-a-uuid").bearer(token(rep)).send().problem(400);
        assertThat(api.get(PLAYBOOKS).send().status()).isEqualTo(401);
    }

    // --- create ----------------------------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAPlaybookFromAFileShapedBody() throws IOException {
        ObjectNode body = (ObjectNode) shipped("/playbooks/mid-market.json");
        body.put("name", "From file " + marker).put("segment", "Test-" + marker).put("isDefault", false);

        Response response = api.post(PLAYBOOKS).bearer(token(admin)).json(body).send();

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        String id = created.path("id").asString();
        assertThat(response.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(PLAYBOOKS + "/" + id));
        assertThat(response.header("ETag")).hasValue("\"" + created.path("version").asLong() + "\"");
        assertThat(created.path("content")).isEqualTo(body.path("content"));
        assertThat(created.path("contentVersion").asInt()).isEqualTo(1);
        assertThat(created.path("archived").asBoolean()).isFalse();
        assertThat(created.path("isDefault").asBoolean()).isFalse();
        assertThat(api.get(PLAYBOOKS + "/" + id).bearer(token(rep)).send().json()).isEqualTo(created);
        assertThat(playbooks.get(UUID.fromString(id)).content().steps()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(defaultName()).as("the default is untouched").isEqualTo("Mid-market");
    }

    @Test
    void onlyAdminsCreateOrReplacePlaybooks() {
        for (Seller seller : List.of(rep, manager)) {
            api.post(PLAYBOOKS).bearer(token(seller)).json(body("Not allowed")).send().problem(403);
        }
        JsonNode created = create(body("Guarded"));
        String id = created.path("id").asString();
        ObjectNode change = body("Hijacked");
        api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(rep)).header("If-Match", version(created)).json(change)
                .send().problem(403);
        api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(manager)).json(change).send().problem(403);

        assertThat(names(api.get(PLAYBOOKS + "?archived=true").bearer(token(admin)).send().json()))
                .contains("Guarded " + marker).doesNotContain("Not allowed " + marker, "Hijacked " + marker);
    }

    @Test
    void invalidPlaybooksAreRefusedNamingTheFieldAndNothingIsCreated() {
        ObjectNode noName = body("Nameless");
        noName.remove("name");
        post(noName).fieldProblem("name");

        ObjectNode range = body("Range").put("minAmount", 9000).put("maxAmount", 10);
        post(range).fieldProblem("maxAmount");

        ObjectNode manyErrors = body("Many").put("priority", -1).put("minAmount", 1.005);
        post(manyErrors).fieldProblem("priority", "minAmount");

        ObjectNode noContent = body("Empty");
        noContent.remove("content");
        post(noContent).fieldProblem("content");

        ObjectNode internalBuyer = body("Internal buyer");
        step(internalBuyer, 0, 1).put("visibility", "INTERNAL");
        post(internalBuyer).fieldProblem("content.milestones[0].steps[1].visibility");

        ObjectNode forward = body("Forward");
        ((ArrayNode) step(forward, 0, 0).path("dependsOn")).add("pain-confirmed");
        post(forward).fieldProblem("content.milestones[0].steps[0].dependsOn");

        ObjectNode unknownStage = body("Unknown stage");
        step(unknownStage, 1, 0).put("stage", "won");
        post(unknownStage).fieldProblem("content.milestones[1].steps[0].stage");

        ObjectNode blankTitle = body("Blank milestone");
        ((ObjectNode) blankTitle.path("content").path("milestones").get(1)).put("title", " ");
        post(blankTitle).fieldProblem("content.milestones[1].title");

        ObjectNode badRole = body("Bad role");
        step(badRole, 0, 0).put("ownerRole", "CEO");
        post(badRole).fieldProblem("content.milestones[0].steps[0].ownerRole");

        ObjectNode extra = body("Extra");
        step(extra, 0, 0).put("owner", "someone");
        post(extra).problem(400);

        post(body("Default twin").put("name", "MID-MARKET")).fieldProblem("name");

        assertThat(names(api.get(PLAYBOOKS + "?archived=true").bearer(token(admin)).send().json()))
                .noneMatch(name -> name.contains(marker));
    }

    // --- replace ---------------------------------------------------------------------------------------------------

    @Test
    void replacingNeedsTheVersionReadAndAStaleOneChangesNothing() {
        JsonNode created = create(body("Replaced"));
        String id = created.path("id").asString();
        ObjectNode change = body("Replaced").put("priority", 60).put("description", "New words");

        api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(admin)).json(change).send().problem(428);
        api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(admin)).header("If-Match", "soon").json(change).send()
                .fieldProblem("If-Match");

        Response saved = put(id, version(created), change);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("priority").asInt()).isEqualTo(60);
        assertThat(saved.json().path("description").asString()).isEqualTo("New words");
        assertThat(saved.json().path("version").asLong()).isGreaterThan(created.path("version").asLong());
        assertThat(saved.header("ETag")).hasValue("\"" + saved.json().path("version").asLong() + "\"");

        Response stale = put(id, version(created), body("Replaced").put("priority", 70));
        JsonNode problem = stale.problem(412);
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(saved.json().path("version").asLong());
        assertThat(stale.header("ETag")).hasValue("\"" + saved.json().path("version").asLong() + "\"");
        assertThat(playbooks.get(UUID.fromString(id)).settings().priority()).isEqualTo(60);

        Response weak = api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(admin))
                .header("If-Match", "W/\"" + saved.json().path("version").asLong() + "\"")
                .json(saved.json()).send();
        assertThat(weak.status()).as("a body read with GET goes back as it is: %s", weak.body()).isEqualTo(200);
        assertThat(weak.json().path("content")).isEqualTo(saved.json().path("content"));

        put(UUID.randomUUID().toString(), "0", change).problem(404);
    }

    @Test
    void contentThatPlansUseIsNeverChangedAChangeBecomesANewVersion() {
        JsonNode created = create(body("Versioned"));
        UUID id = UUID.fromString(created.path("id").asString());

        ObjectNode draft = body("Versioned");
        step(draft, 1, 0).put("title", "Draft demo");
        JsonNode inPlace = put(id.toString(), version(created), draft).json();
        assertThat(inPlace.path("contentVersion").asInt()).as("no plan uses version 1 yet").isEqualTo(1);

        playbooks.freeze(id);
        PlaybookContent frozen = playbooks.content(id, 1).orElseThrow();
        ObjectNode changed = body("Versioned");
        step(changed, 1, 0).put("title", "Demo for version two").put("defaultDays", 9);
        Response response = put(id.toString(), version(inPlace), changed);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("contentVersion").asInt()).isEqualTo(2);
        assertThat(response.json().path("content")).isEqualTo(changed.path("content"));
        assertThat(playbooks.content(id, 1)).contains(frozen);
        assertThat(frozen.steps().get(2).title()).isEqualTo("Draft demo");
        assertThat(api.get(PLAYBOOKS + "/" + id).bearer(token(rep)).send().json().path("content"))
                .isEqualTo(changed.path("content"));

        playbooks.freeze(id);
        ObjectNode settingsOnly = body("Versioned").put("priority", 5);
        settingsOnly.set("content", changed.path("content"));
        JsonNode same = put(id.toString(), version(response.json()), settingsOnly).json();
        assertThat(same.path("contentVersion").asInt()).as("the same content is no new version").isEqualTo(2);
        assertThat(same.path("priority").asInt()).isEqualTo(5);

        ObjectNode broken = body("Versioned");
        step(broken, 0, 1).put("ownerRole", "ACCOUNT_EXECUTIVE");
        put(id.toString(), version(same), broken).fieldProblem("content.milestones[0].steps[1].ownerRole");
        assertThat(playbooks.get(id).contentVersion()).isEqualTo(2);
        assertThat(playbooks.versionNumbers(id)).containsExactly(2, 1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /**
     * A playbook body in a segment no deal uses: Discovery (discovery-call, pain-confirmed ← discovery-call),
     * Evaluation (demo ← pain-confirmed).
     */
    ObjectNode body(String name) {
        String json = """
                {"name": "%s", "description": null, "segment": "Test-%s", "minAmount": 1000, "maxAmount": null,
                 "priority": 50, "isDefault": false,
                 "content": {"milestones": [
                   {"title": "Discovery", "steps": [
                     {"key": "discovery-call", "title": "Discovery call", "guidance": "Ask why now",
                      "side": "SELLER", "ownerRole": "ACCOUNT_EXECUTIVE", "visibility": "SHARED",
                      "stage": "discovery", "defaultDays": 2, "dependsOn": []},
                     {"key": "pain-confirmed", "title": "Pain confirmed", "guidance": "",
                      "side": "BUYER", "ownerRole": "CHAMPION", "visibility": "SHARED",
                      "stage": "discovery", "defaultDays": 3, "dependsOn": ["discovery-call"]}]},
                   {"title": "Evaluation", "steps": [
                     {"key": "demo", "title": "Tailored demo", "guidance": "**Their** data",
                      "side": "SELLER", "ownerRole": "SOLUTIONS_ENGINEER", "visibility": "INTERNAL",
                      "stage": "solution", "defaultDays": 4, "dependsOn": ["pain-confirmed"]}]}]}}
                """.formatted(name + " " + marker, marker);
        return (ObjectNode) ApiClient.JSON.readTree(json);
    }

    static ObjectNode step(ObjectNode body, int milestone, int step) {
        return (ObjectNode) body.path("content").path("milestones").get(milestone).path("steps").get(step);
    }

    JsonNode create(ObjectNode body) {
        Response response = post(body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    Response post(ObjectNode body) {
        return api.post(PLAYBOOKS).bearer(token(admin)).json(body).send();
    }

    Response put(String id, String ifMatch, ObjectNode body) {
        return api.method("PUT", PLAYBOOKS + "/" + id).bearer(token(admin)).header("If-Match", "\"" + ifMatch + "\"")
                .json(body).send();
    }

    static String version(JsonNode playbook) {
        return Long.toString(playbook.path("version").asLong());
    }

    String defaultName() {
        return playbooks.list(false).stream().filter(playbook -> playbook.settings().isDefault())
                .map(PlaybookView::name).findFirst().orElse(null);
    }

    static JsonNode byId(JsonNode list, String id) {
        for (JsonNode playbook : list) {
            if (playbook.path("id").asString().equals(id)) {
                return playbook;
            }
        }
        return null;
    }

    static JsonNode byName(JsonNode list, String name) {
        for (JsonNode playbook : list) {
            if (playbook.path("name").asString().equals(name)) {
                return playbook;
            }
        }
        throw new AssertionError("no playbook " + name + " in " + list);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(playbook -> names.add(playbook.path("name").asString()));
        return names;
    }

    static JsonNode shipped(String path) throws IOException {
        try (InputStream in = PlaybookApiIntegrationTest.class.getResourceAsStream(path)) {
            return ApiClient.JSON.readTree(in);
        }
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }
}
