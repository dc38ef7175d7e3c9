package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealService;
import io.mutua.deals.Qualification;
import io.mutua.identity.Users;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The participants API over real HTTP with personal tokens: list, add buyers and colleagues, invite, end access
 * with If-Match; every refusal is a problem and changes nothing.
 */
@IntegrationTest
class ParticipantApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Qualification qualification;
    @Autowired
    Participants participants;
    @Autowired
    Users users;
    @Autowired
    GreenMail mailServer;

    ApiClient api;
    TestData.Seller rep;
    TestData.Seller teammate;
    TestData.Seller outsider;
    String token;
    String marker;
    PlanView plan;
    MutualPlanMaker maker;

    @BeforeEach
    void aMutualPlan() {
        api = new ApiClient(port);
        UUID team = data.team("Participants API");
        rep = data.user("REP", team);
        teammate = data.user("REP", team);
        outsider = data.user("REP", data.team("Other participants API"));
        token = api.token(rep.email(), TestData.PASSWORD);
        marker = MutualPlanMaker.marker();
        maker = new MutualPlanMaker(deals, plans, qualification);
        plan = maker.mutualPlan(users.viewer(rep.id()), marker);
    }

    @Test
    void aBuyerAndAColleagueAreAddedListedAndInvited() {
        String email = "Dana-" + marker + "@Buyer.Example";
        Response created = api.post(participants()).bearer(token).json(Map.of("name", "Dana Decider", "email", email,
                "title", "Head of IT", "side", "BUYER", "buyingRole", "TECHNICAL_EVALUATOR")).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode buyer = created.json();
        String id = buyer.path("id").asString();
        assertThat(created.header("Location")).contains("/api/v1/plans/" + plan.id() + "/participants/" + id);
        assertThat(created.header("ETag")).contains("\"" + buyer.path("version").asLong() + "\"");
        assertThat(buyer.path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(buyer.path("side").asString()).isEqualTo("BUYER");
        assertThat(buyer.path("buyingRole").asString()).isEqualTo("TECHNICAL_EVALUATOR");
        assertThat(buyer.path("status").asString()).isEqualTo("ADDED");
        assertThat(buyer.path("visits").asInt()).isZero();
        assertThat(buyer.path("mainContact").asBoolean()).isFalse();

        Response colleague = api.post(participants()).bearer(token).json(Map.of("email", teammate.email(),
                "title", "Solutions engineer", "side", "SELLER")).send();
        assertThat(colleague.status()).as(colleague.body()).isEqualTo(201);
        assertThat(colleague.json().path("name").asString()).isEqualTo(teammate.name());
        assertThat(colleague.json().path("buyingRole").isNull()).isTrue();

        Response list = api.get(participants()).bearer(token).send();
        assertThat(list.status()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        list.json().forEach(node -> emails.add(node.path("email").asString()));
        assertThat(emails).containsExactlyInAnyOrder(rep.email(), teammate.email(), email.toLowerCase());

        Response invited = api.post(participants() + "/" + id + "/invitation").bearer(token).send();
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
        assertThat(invited.json().path("status").asString()).isEqualTo("INVITED");
        assertThat(invited.json().path("invitedAt").isNull()).isFalse();
        assertThat(Inbox.body(new Inbox(mailServer).await(email.toLowerCase(), 1)))
                .contains("Dana Decider", "/b/sign-in?token=");

        Response one = api.get(participants() + "/" + id).bearer(token).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).contains("\"" + one.json().path("version").asLong() + "\"");
    }

    @Test
    void badInputIsAProblemNamingTheFieldsAndAddsNobody() {
        api.post(participants()).bearer(token).json(Map.of("name", "No Side", "email", "x-" + marker + "@b.example"))
                .send().fieldProblem("side");
        api.post(participants()).bearer(token).json(Map.of("side", "BUYER", "name", "No Email")).send()
                .fieldProblem("email");
        api.post(participants()).bearer(token).json(Map.of("side", "BUYER", "email", "nameless-" + marker
                + "@b.example")).send().fieldProblem("name");
        api.post(participants()).bearer(token).json(Map.of("side", "BUYER", "name", "Bad", "email", "not-an-email"))
                .send().fieldProblem("email");
        api.post(participants()).bearer(token).json(Map.of("side", "BUYER", "name", "Role", "email", "r-" + marker
                + "@b.example", "buyingRole", "KINGMAKER")).send().fieldProblem("buyingRole");
        api.post(participants()).bearer(token).json(Map.of("side", "SELLER", "email", outsider.email())).send()
                .fieldProblem("email");
        api.post(participants()).bearer(token).json(Map.of("side", "SELLER", "email", rep.email())).send()
                .fieldProblem("email");
        api.post(participants()).bearer(token).body("{\"side\": ").send().problem(400);

        assertThat(participants.list(users.viewer(rep.id()), plan.id())).hasSize(1);
    }

    @Test
    void endingAccessNeedsIfMatchAndAStaleVersionChangesNothing() {
        ParticipantView buyer = participants.addBuyer(users.viewer(rep.id()), plan.id(), "Olga Old", "olga-" + marker
                + "@buyer.example", null, null);
        String path = participants() + "/" + buyer.id();
        String etag = api.get(path).bearer(token).send().header("ETag").orElseThrow();

        api.method("DELETE", path).bearer(token).send().problem(428);
        api.method("DELETE", path).bearer(token).header("If-Match", "yesterday").send().fieldProblem("If-Match");
        JsonNode stale = api.method("DELETE", path).bearer(token).header("If-Match", "\"41\"").send().problem(412);
        assertThat(stale.path("currentVersion").asLong()).isEqualTo(buyer.version());
        assertThat(api.get(path).bearer(token).send().json().path("status").asString()).isEqualTo("ADDED");

        Response revoked = api.method("DELETE", path).bearer(token).header("If-Match", etag).send();
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        JsonNode after = api.get(path).bearer(token).send().json();
        assertThat(after.path("status").asString()).isEqualTo("REVOKED");
        assertThat(after.path("revokedAt").isNull()).isFalse();

        api.post(path + "/invitation").bearer(token).send().problem(409);
    }

    @Test
    void unknownPlansAndPeopleAreNotFoundAndClosingPlansRefuseParticipants() {
        String unknownPlan = "/api/v1/plans/" + UUID.randomUUID() + "/participants";
        api.get(unknownPlan).bearer(token).send().problem(404);
        api.post(unknownPlan).bearer(token).json(Map.of("side", "BUYER", "name", "N", "email", "n-" + marker
                + "@b.example")).send().problem(404);
        api.get(participants() + "/" + UUID.randomUUID()).bearer(token).send().problem(404);
        api.method("DELETE", participants() + "/" + UUID.randomUUID()).bearer(token).header("If-Match", "0").send()
                .problem(404);
        api.post(participants() + "/" + UUID.randomUUID() + "/invitation").bearer(token).send().problem(404);
        api.get("/api/v1/plans/not-a-uuid/participants").bearer(token).send().fieldProblem("planId");

        String outsiderToken = api.token(outsider.email(), TestData.PASSWORD);
        api.get(participants()).bearer(outsiderToken).send().problem(404);
        String teammateToken = api.token(teammate.email(), TestData.PASSWORD);
        assertThat(api.get(participants()).bearer(teammateToken).send().status()).isEqualTo(200);
        api.post(participants()).bearer(teammateToken).json(Map.of("side", "BUYER", "name", "T", "email", "t-"
                + marker + "@b.example")).send().problem(403);

        PlanView closing = maker.closingPlan(users.viewer(rep.id()), MutualPlanMaker.marker());
        String closingPath = "/api/v1/plans/" + closing.id() + "/participants";
        assertThat(api.get(closingPath).bearer(token).send().json().size()).isZero();
        JsonNode notMutual = api.post(closingPath).bearer(token).json(Map.of("side", "BUYER", "name", "Early",
                "email", "early-" + marker + "@b.example")).send().problem(409);
        assertThat(notMutual.path("detail").asString()).contains("Convert the closing plan first");
        api.get(participants()).send().problem(401);
    }

    private String participants() {
        return "/api/v1/plans/" + plan.id() + "/participants";
    }
}
