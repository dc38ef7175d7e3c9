package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Signatures and revisions over the JSON API, as an API client uses them, with the failures it can meet. */
@IntegrationTest
class SignatureApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Holidays holidays;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    TestData data;
    @Autowired
    PlanService plans;
    @Autowired
    DealService deals;

    ApiClient api;
    MutualPlanFixtures.Fixture fixture;
    String rep;

    @BeforeEach
    void aMutualPlan() {
        api = new ApiClient(port);
        fixture = fixtures.mutualPlan();
        rep = api.token(fixture.rep().email(), TestData.PASSWORD);
    }

    @Test
    void theSellerSignerSignsAsThemselvesOnceAndEverybodyCanVerifyTheHash() throws Exception {
        JsonNode before = api.get(path("/signatures")).bearer(rep).send().json();
        assertThat(before.path("planStatus").asString()).isEqualTo("ACTIVE");
        assertThat(before.path("signatures").size()).isZero();
        assertThat(before.path("requiredSigners").size()).isEqualTo(2);
        assertThat(before.path("requiredSigners").get(0).path("side").asString()).isEqualTo("SELLER");
        assertThat(before.path("requiredSigners").get(1).path("name").asString()).isEqualTo("Chloe Champion");

        Response signed = api.post(path("/signatures")).bearer(rep).header("User-Agent", "Contract robot/1.0")
                .json(Map.of("name", fixture.rep().name().toLowerCase(), "title", "Account Executive")).send();
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode signature = signed.json();
        assertThat(signature.path("side").asString()).isEqualTo("SELLER");
        assertThat(signature.path("valid").asBoolean()).isTrue();
        assertThat(signature.path("status").asString()).isEqualTo("VALID");
        assertThat(signature.path("userAgent").asString()).isEqualTo("Contract robot/1.0");
        assertThat(signature.path("contentHash").asString()).matches("[0-9a-f]{64}");

        api.post(path("/signatures")).bearer(rep).json(Map.of("name", fixture.rep().name(), "title", "AE")).send()
                .problem(409);

        JsonNode list = api.get(path("/signatures")).bearer(rep).send().json();
        assertThat(list.path("signatures").size()).isEqualTo(1);
        JsonNode listed = list.path("signatures").get(0);
        assertThat(listed.path("valid").asBoolean()).isTrue();
        assertThat(listed.path("contentHash").asString()).isEqualTo(list.path("contentHash").asString());

        // The revision it signed is the canonical JSON whose SHA-256 is the signed hash.
        int revision = listed.path("revision").asInt();
        Response content = api.get(path("/revisions/" + revision)).bearer(rep).send();
        assertThat(content.status()).isEqualTo(200);
        assertThat(sha256(content.body())).isEqualTo(listed.path("contentHash").asString());
        assertThat(content.body()).startsWith("{\"format\":\"mutua.shared-content/1\"");
    }

    @Test
    void signingFailsClearly() {
        api.post(path("/signatures")).bearer(rep).json(Map.of("name", "", "title", "AE")).send()
                .fieldProblem("name");
        api.post(path("/signatures")).bearer(rep).json(Map.of("name", "Someone Else", "title", "AE")).send()
                .fieldProblem("name");

        String teammate = api.token(data.user("MANAGER", fixture.teamId()).email(), TestData.PASSWORD);
        JsonNode forbidden = api.post(path("/signatures")).bearer(teammate)
                .json(Map.of("name", "Whoever", "title", "Manager")).send().problem(403);
        assertThat(forbidden.path("detail").asString()).contains("seller signer");

        String stranger = api.token(data.user("REP", data.team("Elsewhere")).email(), TestData.PASSWORD);
        api.get(path("/signatures")).bearer(stranger).send().problem(404);
        api.post(path("/signatures")).bearer(stranger).json(Map.of("name", "Who", "title", "T")).send().problem(404);
        api.get("/api/v1/plans/" + UUID.randomUUID() + "/signatures").bearer(rep).send().problem(404);
        api.get(path("/revisions/1/diff/99")).bearer(rep).send().problem(404);

        PlanView closing = plans.generate(fixture.viewer(), deal());
        api.post("/api/v1/plans/" + closing.id() + "/signatures").bearer(rep)
                .json(Map.of("name", fixture.rep().name(), "title", "AE")).send().problem(409);
        api.get("/api/v1/plans/" + closing.id() + "/revisions").bearer(rep).send().problem(409);
    }

    @Test
    void revisionsAreSavedOnDemandAndCompared() {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        Response unchanged = api.post(path("/revisions")).bearer(rep).send();
        assertThat(unchanged.status()).as("nothing shared changed since conversion").isEqualTo(200);
        assertThat(unchanged.json().path("number").asInt()).isEqualTo(1);

        StepView step = plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(fixture.sharedStep().id())).findFirst().orElseThrow();
        LocalDate moved = holidays.calendar().onOrAfter(step.targetDate().plusDays(3));
        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(),
                new StepUpdate(null, null, StepStatus.IN_PROGRESS, moved, null, null), false);
        Response created = api.post(path("/revisions")).bearer(rep).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("number").asInt()).isEqualTo(2);
        assertThat(created.json().path("reason").asString()).isEqualTo("ON_DEMAND");

        JsonNode revisions = api.get(path("/revisions")).bearer(rep).send().json();
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.get(0).path("number").asInt()).isEqualTo(2);
        assertThat(revisions.get(1).path("reason").asString()).isEqualTo("CONVERSION");

        Response diff = api.get(path("/revisions/1/diff/2")).bearer(rep).send();
        assertThat(diff.status()).isEqualTo(200);
        JsonNode changed = diff.json().path("steps").get(0);
        assertThat(diff.json().path("steps").size()).isEqualTo(1);
        assertThat(changed.path("id").asString()).isEqualTo(step.id().toString());
        assertThat(changed.path("kind").asString()).isEqualTo("CHANGED");
        assertThat(changed.path("dateBefore").asString()).isEqualTo(step.targetDate().toString());
        assertThat(changed.path("targetDate").asString()).isEqualTo(moved.toString());
        assertThat(changed.path("statusBefore").asString()).isEqualTo("NOT_STARTED");
        assertThat(changed.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(diff.body()).doesNotContain(internal.secret());
        assertThat(api.get(path("/revisions/2")).bearer(rep).send().body()).doesNotContain(internal.secret());
    }

    /** Another deal of the same rep, with only its closing plan. */
    private DealId deal() {
        return deals.create(fixture.viewer(), new DealDetails("Deal " + TestData.unique(), "Account",
                Money.of("1000", "EUR"), fixture.rep().id(), LocalDate.now().plusMonths(2), null, null),
                "prospecting").id();
    }

    private String path(String rest) {
        return "/api/v1/plans/" + fixture.planId() + rest;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
