package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The plan API through the real HTTP stack: reading and generating a deal's closing plan, changing steps with
 * If-Match and the slip cascade, adding steps, access as for the deal, and a problem for every kind of bad input
 * — which never changes what is stored.
 */
@IntegrationTest
class PlanApiIntegrationTest {

    private static final List<String> PLAN_FIELDS = List.of("id", "dealId", "kind", "status", "version",
            "plannedEnd", "feasible", "businessDaysOver", "language", "targetSignature", "targetGoLive",
            "allowedDomains", "convertedAt", "conversionOverride", "sections", "participants", "milestones");
    private static final List<String> MILESTONE_FIELDS = List.of("id", "title", "position", "steps");
    private static final List<String> STEP_FIELDS = List.of("id", "key", "title", "side", "visibility", "status",
            "owners", "targetDate", "baselineDate", "completedAt", "dependsOn", "estimateSource", "version");
    private static final Set<String> LEARNED_OR_DEFAULT = Set.of("STEP_HISTORY", "STAGE_HISTORY", "PLAYBOOK_DEFAULT");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Holidays holidays;
    @Autowired
    Clock clock;

    ApiClient api;
    Seller rep;
    Seller teammate;
    Seller outsider;
    Seller cs;
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void aTeam() {
        api = new ApiClient(port);
        UUID team = data.team("Plan API");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        cs = data.user("CS", team);
        outsider = data.user("REP", data.team("Other plan API"));
    }

    // --- reading and generating ---------------------------------------------------------------------------------

    @Test
    void aDealWithoutAPlanGetsOneByHandInTheDocumentedShape() {
        LocalDate expectedClose = LocalDate.now(clock).plusDays(10);
        String dealId = deal(expectedClose);
        api.get(planOf(dealId)).bearer(token(rep)).send().problem(404);

        Response created = api.post(planOf(dealId)).bearer(token(rep)).send();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(planOf(dealId)));
        api.post(planOf(dealId)).bearer(token(rep)).send().problem(409);
        Response read = api.get(planOf(dealId)).bearer(token(rep)).send();
        assertThat(read.status()).isEqualTo(200);
        JsonNode plan = read.json();
        assertThat(plan).isEqualTo(created.json());

        assertThat(plan.propertyNames()).containsExactlyInAnyOrderElementsOf(PLAN_FIELDS);
        assertThat(plan.path("dealId").asString()).isEqualTo(dealId);
        assertThat(plan.path("kind").asString()).isEqualTo("CLOSING");
        assertThat(plan.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select id from plan where deal_id = :deal").param("deal", UUID.fromString(dealId))
                .query(UUID.class).single().toString()).isEqualTo(plan.path("id").asString());

        List<Integer> positions = new ArrayList<>();
        List<JsonNode> steps = new ArrayList<>();
        for (JsonNode milestone : plan.path("milestones")) {
            assertThat(milestone.propertyNames()).containsExactlyInAnyOrderElementsOf(MILESTONE_FIELDS);
            positions.add(milestone.path("position").asInt());
            milestone.path("steps").forEach(steps::add);
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(10);
        Set<String> ids = new HashSet<>();
        steps.forEach(step -> ids.add(step.path("id").asString()));
        LocalDate latest = LocalDate.MIN;
        for (JsonNode step : steps) {
            assertThat(step.propertyNames()).containsAll(STEP_FIELDS);
            assertThat(step.path("status").asString()).isEqualTo("NOT_STARTED");
            assertThat(step.path("completedAt").isNull()).isTrue();
            LocalDate target = date(step.path("targetDate"));
            assertThat(step.path("baselineDate").asString()).isEqualTo(step.path("targetDate").asString());
            assertThat(target).isAfterOrEqualTo(LocalDate.now(clock));
            assertThat(holidays.calendar().isBusinessDay(target)).as("%s is a business day", target).isTrue();
            latest = target.isAfter(latest) ? target : latest;
            step.path("dependsOn").forEach(dependency -> assertThat(ids).contains(dependency.asString()));
            assertThat(step.path("owners")).isNotEmpty();
            // Each step is dated from history or, without enough of it, by the playbook; the plan says which.
            String source = step.path("estimateSource").asString();
            assertThat(source).isIn(LEARNED_OR_DEFAULT);
            assertThat(source).isEqualTo(jdbc.sql("select estimate_source from plan_step where id = :id")
                    .param("id", UUID.fromString(step.path("id").asString())).query(String.class).single());
            int samples = step.path("estimateSamples").asInt();
            assertThat(samples).as("samples behind %s", source)
                    .matches(n -> source.equals("PLAYBOOK_DEFAULT") ? n == 0 : n >= 5);
        }
        assertThat(date(plan.path("plannedEnd"))).isEqualTo(latest);
        // The buyer's date is ten days away and the plan takes months: infeasible, by this many business days.
        BusinessCalendar calendar = holidays.calendar();
        assertThat(plan.path("feasible").asBoolean()).isFalse();
        assertThat(plan.path("businessDaysOver").asInt())
                .isEqualTo(calendar.businessDaysBetween(calendar.onOrBefore(expectedClose), latest));

        JsonNode discovery = step(plan, "discovery-call");
        assertThat(discovery.path("owners")).singleElement().satisfies(owner -> {
            assertThat(owner.propertyNames()).containsExactlyInAnyOrder("type", "email", "name");
            assertThat(owner.path("type").asString()).isEqualTo("USER");
            assertThat(owner.path("email").asString()).isEqualTo(rep.email());
            assertThat(owner.path("name").asString()).isEqualTo(rep.name());
        });
        assertThat(step(plan, "stakeholder-mapping").path("owners")).singleElement().satisfies(owner -> {
            assertThat(owner.propertyNames()).containsExactlyInAnyOrder("type", "role");
            assertThat(owner.path("type").asString()).isEqualTo("ROLE");
            assertThat(owner.path("role").asString()).isEqualTo("CHAMPION");
        });
        assertThat(step(plan, "stakeholder-mapping").path("side").asString()).isEqualTo("BUYER");
        assertThat(step(plan, "meddpicc-review").path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(step(plan, "stakeholder-mapping").path("dependsOn")).singleElement()
                .satisfies(dependency -> assertThat(dependency.asString()).isEqualTo(discovery.path("id").asString()));
    }

    @Test
    void whoMayReadAndChangeAPlanFollowsTheDeal() {
        String dealId = deal(null);
        api.post(planOf(dealId)).bearer(token(outsider)).send().problem(404);
        api.post(planOf(dealId)).bearer(token(teammate)).send().problem(403);
        api.post(planOf(dealId)).bearer(token(cs)).send().problem(404);
        assertThat(planCount(dealId)).isZero();
        JsonNode plan = generate(dealId);
        JsonNode step = step(plan, "discovery-call");
        String planId = plan.path("id").asString();

        assertThat(api.get(planOf(dealId)).bearer(token(teammate)).send().status()).isEqualTo(200);
        api.get(planOf(dealId)).bearer(token(outsider)).send().problem(404);
        api.get(planOf(dealId)).bearer(token(cs)).send().problem(404);
        api.get("/api/v1/plans/" + planId).bearer(token(outsider)).send().problem(404);
        api.get(planOf(UUID.randomUUID().toString())).bearer(token(rep)).send().problem(404);

        String patch = "{\"title\": \"Renamed by someone else\"}";
        patch(planId, step, patch, teammate).problem(403);
        patch(planId, step, patch, outsider).problem(404);
        api.patch(stepPath(planId, UUID.randomUUID().toString())).bearer(token(rep)).header("If-Match", "0")
                .body(patch).send().problem(404);
        Map<String, Object> newStep = newStep(plan, "Added by someone else");
        api.post(steps(planId)).bearer(token(teammate)).json(newStep).send().problem(403);
        api.post(steps(planId)).bearer(token(outsider)).json(newStep).send().problem(404);
        assertThat(title(step)).isEqualTo(step.path("title").asString());
        assertThat(stepCount(planId)).isEqualTo(stepsIn(plan).size());
        api.get(planOf(dealId)).send().problem(401);
    }

    // --- changing steps -------------------------------------------------------------------------------------

    @Test
    void movingADateMovesEveryStepThatDependsOnItByAsManyBusinessDays() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        JsonNode legal = step(plan, "legal-review");
        Set<String> dependents = dependentsOf(plan, legal.path("id").asString());
        assertThat(dependents).as("legal review leads to the redlines, approval, signature and kickoff")
                .hasSizeGreaterThanOrEqualTo(3);
        Map<String, LocalDate> before = dbTargets(planId);
        BusinessCalendar calendar = holidays.calendar();
        LocalDate newTarget = calendar.plusBusinessDays(date(legal.path("targetDate")), 3);

        Response response = patch(planId, legal, "{\"targetDate\": \"" + newTarget + "\"}", rep);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.propertyNames()).containsExactlyInAnyOrder("step", "moved", "plannedEnd");
        assertThat(result.path("step").path("targetDate").asString()).isEqualTo(newTarget.toString());
        assertThat(result.path("step").path("baselineDate").asString()).isEqualTo(legal.path("baselineDate").asString());
        long newVersion = result.path("step").path("version").asLong();
        assertThat(newVersion).isGreaterThan(legal.path("version").asLong());
        assertThat(response.header("ETag")).hasValue("\"" + newVersion + "\"");

        Map<String, LocalDate> after = dbTargets(planId);
        Set<String> moved = new HashSet<>();
        for (JsonNode step : result.path("moved")) {
            String id = step.path("id").asString();
            moved.add(id);
            LocalDate expected = calendar.plusBusinessDays(before.get(id), 3);
            assertThat(date(step.path("targetDate"))).as(step.path("key").asString()).isEqualTo(expected);
            assertThat(after.get(id)).isEqualTo(expected);
        }
        assertThat(moved).isEqualTo(dependents);
        assertThat(after.get(legal.path("id").asString())).isEqualTo(newTarget);
        before.forEach((id, date) -> {
            if (!moved.contains(id) && !id.equals(legal.path("id").asString())) {
                assertThat(after.get(id)).as("a step that does not depend on it keeps its date").isEqualTo(date);
            }
        });
        LocalDate plannedEnd = after.values().stream().max(LocalDate::compareTo).orElseThrow();
        assertThat(date(result.path("plannedEnd"))).isEqualTo(plannedEnd);
        assertThat(date(api.get(planOf(plan.path("dealId").asString())).bearer(token(rep)).send().json()
                .path("plannedEnd"))).isEqualTo(plannedEnd);
        assertThat(plannedEnd).isEqualTo(calendar.plusBusinessDays(date(plan.path("plannedEnd")), 3));
    }

    @Test
    void aStepsTitleStatusOwnersDescriptionAndPinCanBeChangedInOnePatch() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        JsonNode discovery = step(plan, "discovery-call");

        Response response = patch(planId, discovery, """
                {"title": "Discovery call with the CFO", "status": "DONE", "description": "Bring the **numbers**.",
                 "pinned": true,
                 "owners": [{"type": "USER", "email": "%s"}, {"type": "ROLE", "role": "ECONOMIC_BUYER"}]}
                """.formatted(teammate.email()), rep);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode step = response.json().path("step");
        assertThat(step.path("title").asString()).isEqualTo("Discovery call with the CFO");
        assertThat(step.path("status").asString()).isEqualTo("DONE");
        assertThat(step.path("completedAt").isNull()).isFalse();
        assertThat(step.path("description").asString()).isEqualTo("Bring the **numbers**.");
        assertThat(step.path("pinned").asBoolean()).isTrue();
        assertThat(step.path("owners")).hasSize(2);
        assertThat(step.path("owners").get(0).path("email").asString()).isEqualTo(teammate.email());
        assertThat(step.path("owners").get(0).path("name").asString()).isEqualTo(teammate.name());
        assertThat(step.path("owners").get(1).path("role").asString()).isEqualTo("ECONOMIC_BUYER");
        assertThat(response.json().path("moved")).as("done before its date: nothing else moves").isEmpty();
        assertThat(jdbc.sql("select status || ' ' || title || ' ' || pinned from plan_step where id = :id")
                .param("id", UUID.fromString(discovery.path("id").asString())).query(String.class).single())
                .isEqualTo("DONE Discovery call with the CFO true");

        // Null clears the description; fields left out stay as they are.
        JsonNode cleared = patch(planId, step, "{\"description\": null}", rep).json().path("step");
        assertThat(cleared.path("description").isNull()).isTrue();
        assertThat(cleared.path("title").asString()).isEqualTo("Discovery call with the CFO");
        assertThat(cleared.path("owners")).hasSize(2);
    }

    @Test
    void aMissingOrStaleVersionIsRefusedAndNothingIsOverwritten() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        JsonNode step = step(plan, "solution-demo");
        String path = stepPath(planId, step.path("id").asString());

        api.patch(path).bearer(token(rep)).body("{\"title\": \"No version\"}").send().problem(428);
        api.patch(path).bearer(token(rep)).header("If-Match", "yesterday").body("{\"title\": \"Bad version\"}")
                .send().fieldProblem("If-Match");
        JsonNode first = patch(planId, step, "{\"title\": \"First edit\"}", rep).json().path("step");

        Response stale = patch(planId, step, "{\"title\": \"Second edit, from the old version\"}", rep);

        JsonNode problem = stale.problem(412);
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(first.path("version").asLong());
        assertThat(title(step)).isEqualTo("First edit");
        Response fresh = api.get(path).bearer(token(rep)).send();
        assertThat(fresh.header("ETag")).hasValue("\"" + first.path("version").asLong() + "\"");
        assertThat(api.patch(path).bearer(token(rep)).header("If-Match", fresh.header("ETag").orElseThrow())
                .header("Content-Type", "application/merge-patch+json").body("{\"title\": \"Second edit\"}")
                .send().status()).isEqualTo(200);
        assertThat(title(step)).isEqualTo("Second edit");
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        JsonNode step = step(plan, "solution-demo");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"status\": \"FINISHED\"}", "status");
        cases.put("{\"status\": null}", "status");
        cases.put("{\"title\": \"" + "x".repeat(10_000) + "\"}", "title");
        cases.put("{\"title\": \"  \"}", "title");
        cases.put("{\"title\": \"nul\\u0000\"}", "title");
        cases.put("{\"targetDate\": \"2026-02-30\"}", "targetDate");
        cases.put("{\"targetDate\": \"0001-01-01\"}", "targetDate");
        cases.put("{\"owners\": [{\"type\": \"USER\", \"email\": \"nobody-" + TestData.unique()
                + "@example.com\"}]}", "owners");
        cases.put("{\"owners\": [{\"type\": \"ROLE\", \"role\": \"ASTROLOGER\"}]}", "owners");
        cases.put("{\"owners\": [{\"type\": \"GROUP\", \"role\": \"CHAMPION\"}]}", "owners[0].type");
        cases.put("{\"owners\": []}", "owners");
        cases.put("{\"pinned\": \"sometimes\"}", "pinned");
        cases.put("{\"colour\": \"red\"}", "colour");
        cases.put("{\"description\": \"" + "x".repeat(10_001) + "\"}", "description");

        cases.forEach((body, field) -> patch(planId, step, body, rep).fieldProblem(field));
        Response malformed = patch(planId, step, "{\"title\": ", rep);
        assertThat(malformed.problem(400).path("detail").asString()).isEqualTo("The request body is not valid JSON.");

        assertThat(jdbc.sql("select version || ' ' || title || ' ' || status || ' ' || target_date from plan_step "
                        + "where id = :id").param("id", UUID.fromString(step.path("id").asString()))
                .query(String.class).single())
                .isEqualTo(step.path("version").asLong() + " " + step.path("title").asString() + " NOT_STARTED "
                        + step.path("targetDate").asString());
    }

    // --- adding steps ---------------------------------------------------------------------------------------

    @Test
    void anAddedStepIsScheduledAfterItsDependenciesAndOwnedAsAsked() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        JsonNode proposal = step(plan, "proposal");
        Map<String, Object> request = newStep(plan, "Reference call with a similar customer");
        request.put("description", "Ask the champion which customer they would like to hear from.");
        request.put("durationDays", 3);
        request.put("dependsOn", List.of(proposal.path("id").asString()));
        request.put("owners", List.of(Map.of("type", "USER", "email", teammate.email()),
                Map.of("type", "ROLE", "role", "CHAMPION")));

        Response response = api.post(steps(planId)).bearer(token(rep)).json(request).send();

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode added = response.json();
        String id = added.path("id").asString();
        assertThat(response.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(stepPath(planId, id)));
        BusinessCalendar calendar = holidays.calendar();
        LocalDate expected = calendar.plusBusinessDays(date(proposal.path("targetDate")), 3);
        assertThat(date(added.path("targetDate"))).isEqualTo(expected);
        assertThat(added.path("baselineDate").asString()).isEqualTo(expected.toString());
        assertThat(added.path("estimateSource").asString()).isEqualTo("MANUAL");
        assertThat(added.path("key").isNull()).isTrue();
        assertThat(added.path("durationDays").asInt()).isEqualTo(3);
        assertThat(added.path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(added.path("owners").get(0).path("email").asString()).isEqualTo(teammate.email());
        assertThat(added.path("owners").get(1).path("role").asString()).isEqualTo("CHAMPION");

        JsonNode milestone = api.get("/api/v1/plans/" + planId).bearer(token(rep)).send().json().path("milestones")
                .get(0);
        JsonNode last = milestone.path("steps").get(milestone.path("steps").size() - 1);
        assertThat(last.path("id").asString()).isEqualTo(id);
        assertThat(last.path("title").asString()).isEqualTo("Reference call with a similar customer");

        // Without owners the caller owns it; with a target date it is due then.
        Map<String, Object> dated = newStep(plan, "Send the recap");
        LocalDate monday = calendar.onOrAfter(LocalDate.now(clock).plusWeeks(2));
        dated.put("targetDate", monday.toString());
        JsonNode datedStep = api.post(steps(planId)).bearer(token(rep)).json(dated).send().json();
        assertThat(datedStep.path("targetDate").asString()).isEqualTo(monday.toString());
        assertThat(datedStep.path("owners")).singleElement()
                .satisfies(owner -> assertThat(owner.path("email").asString()).isEqualTo(rep.email()));
    }

    @Test
    void anAddedStepWithBadInputIsRefused() {
        JsonNode plan = generate(deal(null));
        String planId = plan.path("id").asString();
        int steps = stepCount(planId);

        Map<String, Object> noTitle = newStep(plan, " ");
        api.post(steps(planId)).bearer(token(rep)).json(noTitle).send().fieldProblem("title");
        Map<String, Object> noDays = newStep(plan, "No days");
        noDays.put("durationDays", 0);
        api.post(steps(planId)).bearer(token(rep)).json(noDays).send().fieldProblem("durationDays");
        Map<String, Object> elsewhere = newStep(plan, "Elsewhere");
        elsewhere.put("milestoneId", UUID.randomUUID().toString());
        api.post(steps(planId)).bearer(token(rep)).json(elsewhere).send().fieldProblem("milestoneId");
        Map<String, Object> sideways = newStep(plan, "Sideways");
        sideways.put("side", "MIDDLE");
        api.post(steps(planId)).bearer(token(rep)).json(sideways).send().fieldProblem("side");
        Map<String, Object> dangling = newStep(plan, "Dangling");
        dangling.put("dependsOn", List.of(UUID.randomUUID().toString()));
        api.post(steps(planId)).bearer(token(rep)).json(dangling).send().fieldProblem("dependsOn");
        Map<String, Object> secretBuyer = newStep(plan, "Secret buyer step");
        secretBuyer.put("side", "BUYER");
        secretBuyer.put("visibility", "INTERNAL");
        api.post(steps(planId)).bearer(token(rep)).json(secretBuyer).send().fieldProblem("visibility");
        api.post(steps(planId)).bearer(token(rep)).body("[1, 2").send().problem(400);

        assertThat(stepCount(planId)).isEqualTo(steps);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private String deal(LocalDate expectedClose) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Plan API deal " + TestData.unique());
        fields.put("account", "Plan API account");
        fields.put("amount", 250_000);
        fields.put("currency", "EUR");
        fields.put("segment", "Enterprise");
        fields.put("stage", "prospecting");
        if (expectedClose != null) {
            fields.put("expectedCloseDate", expectedClose.toString());
        }
        Response response = api.post("/api/v1/deals").bearer(token(rep)).json(fields).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private JsonNode generate(String dealId) {
        Response response = api.post(planOf(dealId)).bearer(token(rep)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Response patch(String planId, JsonNode step, String body, Seller as) {
        return api.patch(stepPath(planId, step.path("id").asString())).bearer(token(as))
                .header("If-Match", "\"" + step.path("version").asLong() + "\"").body(body).send();
    }

    private Map<String, Object> newStep(JsonNode plan, String title) {
        Map<String, Object> request = new HashMap<>();
        request.put("milestoneId", plan.path("milestones").get(0).path("id").asString());
        request.put("title", title);
        request.put("side", "SELLER");
        request.put("visibility", "INTERNAL");
        request.put("durationDays", 2);
        return request;
    }

    private static JsonNode step(JsonNode plan, String key) {
        return stepsIn(plan).stream().filter(step -> step.path("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + key));
    }

    private static List<JsonNode> stepsIn(JsonNode plan) {
        List<JsonNode> steps = new ArrayList<>();
        plan.path("milestones").forEach(milestone -> milestone.path("steps").forEach(steps::add));
        return steps;
    }

    /** Every step that depends on {@code stepId}, directly or through other steps. */
    private static Set<String> dependentsOf(JsonNode plan, String stepId) {
        Set<String> found = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(stepId));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (JsonNode step : stepsIn(plan)) {
                for (JsonNode dependency : step.path("dependsOn")) {
                    if (dependency.asString().equals(current) && found.add(step.path("id").asString())) {
                        queue.add(step.path("id").asString());
                    }
                }
            }
        }
        return found;
    }

    private Map<String, LocalDate> dbTargets(String planId) {
        Map<String, LocalDate> targets = new HashMap<>();
        jdbc.sql("select id, target_date from plan_step where plan_id = :plan").param("plan", UUID.fromString(planId))
                .query((rs, n) -> targets.put(rs.getString("id"), rs.getObject("target_date", LocalDate.class)))
                .list();
        return targets;
    }

    private String title(JsonNode step) {
        return jdbc.sql("select title from plan_step where id = :id")
                .param("id", UUID.fromString(step.path("id").asString())).query(String.class).single();
    }

    private int stepCount(String planId) {
        return jdbc.sql("select count(*) from plan_step where plan_id = :plan").param("plan", UUID.fromString(planId))
                .query(Integer.class).single();
    }

    private long planCount(String dealId) {
        return jdbc.sql("select count(*) from plan where deal_id = :deal").param("deal", UUID.fromString(dealId))
                .query(Long.class).single();
    }

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asString());
    }

    private static String planOf(String dealId) {
        return "/api/v1/deals/" + dealId + "/plan";
    }

    private static String steps(String planId) {
        return "/api/v1/plans/" + planId + "/steps";
    }

    private static String stepPath(String planId, String stepId) {
        return steps(planId) + "/" + stepId;
    }

    private String token(Seller seller) {
        return tokens.computeIfAbsent(seller.id(), id -> api.token(seller.email(), TestData.PASSWORD));
    }
}
