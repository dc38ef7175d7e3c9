package io.mutua.integration.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanSignatures;
import io.mutua.plans.SignatureOrigin;
import io.mutua.plans.SignatureRequest;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks through the real stack: endpoints registered on the admin pages and the API, messages queued by what
 * happens in Mutua, POSTed over real HTTP to a receiver on 127.0.0.1 and verified there with the Standard Webhooks
 * algorithm implemented independently ({@link StandardWebhooksVerifier}).
 */
@IntegrationTest
class WebhooksIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("id=\"webhook-secret\"[^>]*>(whsec_[A-Za-z0-9+/=]+)<");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    PlanSignatures signatures;
    @Autowired
    BuyerPlans buyerPlans;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    TestData.Seller admin;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<UUID> created = new ArrayList<>();

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", data.team("Webhooks"));
    }

    @AfterEach
    void stopReceiversAndRemoveEndpoints() {
        for (UUID id : created) {
            if (endpoints.list().stream().anyMatch(endpoint -> endpoint.id().equals(id))) {
                endpoints.delete(id);
            }
        }
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void theAdminAddsAnEndpointSeesItsSecretOnceAndATestEventArrivesSignedAndLogged() throws Exception {
        WebhookReceiver receiver = receiver();
        MockHttpServletResponse added = mvc.perform(post(WebhookAdminController.PATH).with(SignIn.as(admin))
                .with(csrf()).param("url", receiver.url()).param("description", "Data warehouse")
                .param("events", "deal.closed").param("events", "plan.signed").param("active", "true"))
                .andReturn().getResponse();
        assertThat(added.getStatus()).isEqualTo(201);
        String secret = secretIn(added.getContentAsString());
        Endpoint endpoint = endpointAt(receiver);
        created.add(endpoint.id());
        assertThat(endpoint.events()).containsExactlyInAnyOrder("deal.closed", "plan.signed");

        String list = page(WebhookAdminController.PATH);
        assertThat(list).contains(receiver.url()).contains("Data warehouse").doesNotContain(secret);
        String endpointPage = page(WebhookAdminController.PATH + "/" + endpoint.id());
        assertThat(endpointPage).contains("Send test event").contains("Nothing was sent to this endpoint yet.")
                .doesNotContain(secret);

        MockHttpServletResponse tested = mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint.id()
                + "/test").header("HX-Request", "true").with(SignIn.as(admin)).with(csrf())).andReturn().getResponse();
        assertThat(tested.getStatus()).isEqualTo(200);
        assertThat(tested.getContentAsString()).startsWith("<section id=\"" + WebhookAdminController.LOG_ID + "\"")
                .contains("webhook.test").doesNotContain("<html");

        await().atMost(WAIT).until(() -> receiver.ofType("webhook.test").size() == 1);
        WebhookReceiver.Received message = receiver.ofType("webhook.test").get(0);
        assertThat(message.method()).isEqualTo("POST");
        assertThat(message.header("content-type")).startsWith("application/json");
        assertThat(message.header("webhook-id")).startsWith("msg_");
        assertThat(message.header("webhook-signature")).startsWith("v1,");
        assertThat(StandardWebhooksVerifier.verifies(secret, message)).isTrue();
        assertThat(message.json().path("timestamp").asString()).isNotBlank();
        assertThat(message.json().path("data").path("endpointId").asString()).isEqualTo(endpoint.id().toString());

        await().atMost(WAIT).untilAsserted(() -> assertThat(page(WebhookAdminController.PATH + "/" + endpoint.id()))
                .contains("webhook.test").contains("Delivered").contains("HTTP 200"));
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdAndStopAtTheFirstSuccess() throws Exception {
        WebhookReceiver receiver = receiver().failFirst(3);
        Issued endpoint = register(receiver, List.of("deal.closed"));

        sendTest(endpoint.id());

        await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(endpoint.id()).path("status").asString()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.ofType("webhook.test").size() == 4);
        List<WebhookReceiver.Received> attempts = receiver.ofType("webhook.test");
        assertThat(attempts).extracting(request -> request.header("webhook-id")).containsOnly(
                attempts.get(0).header("webhook-id"));
        assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
        assertThat(attempts).allMatch(request -> StandardWebhooksVerifier.verifies(endpoint.secret(), request));
        JsonNode logged = delivery(endpoint.id());
        assertThat(logged.path("attempts").asInt()).isEqualTo(4);
        assertThat(logged.path("lastHttpStatus").asInt()).isEqualTo(200);
        assertThat(page(WebhookAdminController.PATH + "/" + endpoint.id()))
                .containsPattern("class=\"webhook-attempts\">\\s*4\\s*<");
    }

    @Test
    void aReceiverThatNeverAnswers2xxIsGivenUpAndTheLogSaysWhy() throws Exception {
        WebhookReceiver receiver = receiver().failAlways();
        Issued endpoint = register(receiver, List.of("deal.closed"));

        sendTest(endpoint.id());

        await().atMost(Duration.ofSeconds(40))
                .until(() -> "FAILED".equals(delivery(endpoint.id()).path("status").asString()));
        int attempts = receiver.ofType("webhook.test").size();
        assertThat(attempts).isGreaterThan(3);
        assertThat(delivery(endpoint.id()).path("attempts").asInt()).isEqualTo(attempts);
        assertThat(delivery(endpoint.id()).path("lastHttpStatus").asInt()).isEqualTo(500);
        assertThat(page(WebhookAdminController.PATH + "/" + endpoint.id())).contains("Failed").contains("HTTP 500");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.ofType("webhook.test").size() == attempts);
    }

    @Test
    void disablingAnEndpointCancelsWhatIsStillWaiting() throws Exception {
        WebhookReceiver receiver = receiver().failAlways();
        Issued endpoint = register(receiver, List.of("deal.closed"));
        sendTest(endpoint.id());
        await().atMost(WAIT).until(() -> !receiver.ofType("webhook.test").isEmpty());

        MockHttpServletResponse saved = mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint.id())
                .with(SignIn.as(admin)).with(csrf()).param("description", "Paused")
                .param("events", "deal.closed").param("version", Long.toString(version(endpoint.id()))))
                .andReturn().getResponse();

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(delivery(endpoint.id()).path("status").asString()).isEqualTo("CANCELLED");
        int attempts = receiver.ofType("webhook.test").size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.ofType("webhook.test").size() == attempts);
        assertThat(page(WebhookAdminController.PATH + "/" + endpoint.id())).contains("Cancelled").contains("Disabled")
                .contains("Activate the endpoint to send it a test event.").doesNotContain("Send test event");
        assertThat(mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint.id() + "/test")
                .with(SignIn.as(admin)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void aStaleEditKeepsTheInputAndShowsTheSavedValues() throws Exception {
        Issued endpoint = register(receiver(), List.of("deal.closed"));
        long version = version(endpoint.id());
        assertThat(mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint.id()).with(SignIn.as(admin))
                .with(csrf()).param("description", "First edit").param("events", "step.updated")
                .param("active", "true").param("version", Long.toString(version))).andReturn().getResponse()
                .getStatus()).isEqualTo(302);

        MockHttpServletResponse stale = mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint.id())
                .with(SignIn.as(admin)).with(csrf()).param("description", "Second edit").param("events",
                        "plan.signed").param("active", "true").param("version", Long.toString(version)))
                .andReturn().getResponse();

        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("changed this endpoint while you were editing")
                .contains("value=\"Second edit\"").contains("<dd>First edit</dd>").contains("<dd>step.updated</dd>");
        assertThat(endpoints.get(endpoint.id()).description()).isEqualTo("First edit");
    }

    @Test
    void dealClosedArrivesWhenADealIsClosed() {
        WebhookReceiver receiver = receiver();
        Issued endpoint = register(receiver, List.of("deal.closed"));
        TestData.Seller rep = data.user("REP", data.team("Webhook deals"));
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Webhook deal " + TestData.unique(), "Acme",
                Money.of("12500.50", "EUR"), rep.id(), LocalDate.now().plusMonths(2), null, null), "prospecting");

        deals.close(viewer, deal.id(), Outcome.WON, "Best fit", deal.version());

        await().atMost(WAIT).until(() -> messagesAbout(receiver, "deal.closed", "dealId", deal.id().value()).size()
                == 1);
        WebhookReceiver.Received message = messagesAbout(receiver, "deal.closed", "dealId", deal.id().value()).get(0);
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), message)).isTrue();
        JsonNode closed = message.json().path("data");
        assertThat(closed.path("name").asString()).isEqualTo(deal.name());
        assertThat(closed.path("outcome").asString()).isEqualTo("WON");
        assertThat(closed.path("reason").asString()).isEqualTo("Best fit");
        assertThat(closed.path("amount").asString()).isEqualTo("12500.50");
        assertThat(closed.path("currency").asString()).isEqualTo("EUR");
        assertThat(closed.path("closedAt").asString()).isNotBlank();
    }

    @Test
    void stepUpdatedArrivesForSharedAndInternalStepsAndSaysWhichIsWhich() {
        WebhookReceiver receiver = receiver();
        Issued endpoint = register(receiver, List.of("step.updated"));
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        StepView shared = current(fixture, fixture.sharedStep());

        plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                StepUpdate.status(StepStatus.IN_PROGRESS), false);
        StepView secret = current(fixture, internal.step());
        plans.updateStep(fixture.viewer(), fixture.planId(), secret.id(), secret.version(),
                StepUpdate.targetDate(secret.targetDate().plusDays(7)), false);

        await().atMost(WAIT).until(() -> !changes(receiver, shared.id(), "STATUS").isEmpty()
                && !changes(receiver, secret.id(), "TARGET_DATE").isEmpty());
        JsonNode sharedChange = changes(receiver, shared.id(), "STATUS").get(0).json().path("data");
        assertThat(sharedChange.path("planId").asString()).isEqualTo(fixture.planId().toString());
        assertThat(sharedChange.path("dealId").asString()).isEqualTo(fixture.deal().id().value().toString());
        assertThat(sharedChange.path("change").asString()).isEqualTo("STATUS");
        assertThat(sharedChange.path("visibility").asString()).isEqualTo("SHARED");
        WebhookReceiver.Received internalMessage = changes(receiver, secret.id(), "TARGET_DATE").get(0);
        assertThat(internalMessage.json().path("data").path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(internalMessage.json().path("data").path("change").asString()).isEqualTo("TARGET_DATE");
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), internalMessage)).isTrue();
    }

    @Test
    void planSignedArrivesOnceWhenTheLastRequiredSignatureLands() {
        WebhookReceiver receiver = receiver();
        Issued endpoint = register(receiver, List.of("plan.signed"));
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        SignatureOrigin origin = new SignatureOrigin("127.0.0.1", "WebhooksIntegrationTest");

        signatures.sign(fixture.viewer(), fixture.planId(), new SignatureRequest(fixture.rep().name(),
                "Account Executive", true), origin);
        sendTest(endpoint.id());
        await().atMost(WAIT).until(() -> receiver.ofType("webhook.test").size() == 1);
        assertThat(messagesAbout(receiver, "plan.signed", "planId", fixture.planId()))
                .as("one signature of two signs nothing").isEmpty();

        buyerPlans.sign(fixture.planId(), fixture.mainContact().id(), new SignatureRequest("Chloe Champion",
                "Head of Operations", true), origin);

        await().atMost(WAIT).until(() -> messagesAbout(receiver, "plan.signed", "planId", fixture.planId()).size()
                == 1);
        WebhookReceiver.Received signed = messagesAbout(receiver, "plan.signed", "planId", fixture.planId()).get(0);
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), signed)).isTrue();
        assertThat(signed.json().path("data").path("deal").path("dealId").asString())
                .isEqualTo(fixture.deal().id().value().toString());
    }

    @Test
    void onlyValidAddressesAreRegisteredAndTheFormSaysWhy() throws Exception {
        Map<String, String> refused = Map.of(
                "ftp://files.example.com/in", "Use an https:// address.",
                "http://hooks.example.com/in", "Only https:// addresses receive webhooks.",
                "https://user:pw@hooks.example.com/in", "Leave the user name and password out of the URL.",
                "https://hooks example.com", "This is not a valid URL.");
        for (Map.Entry<String, String> url : refused.entrySet()) {
            MockHttpServletResponse response = mvc.perform(post(WebhookAdminController.PATH).with(SignIn.as(admin))
                    .with(csrf()).param("url", url.getKey()).param("events", "deal.closed").param("active", "true"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(url.getKey()).isEqualTo(422);
            assertThat(response.getContentAsString()).as(url.getKey()).contains(url.getValue())
                    .doesNotContain("whsec_");
        }
        MockHttpServletResponse noEvents = mvc.perform(post(WebhookAdminController.PATH).with(SignIn.as(admin))
                .with(csrf()).param("url", "https://hooks.example.com/in").param("active", "true"))
                .andReturn().getResponse();
        assertThat(noEvents.getStatus()).isEqualTo(422);
        assertThat(noEvents.getContentAsString()).contains("Choose at least one event.");
        assertThat(endpoints.list()).noneMatch(endpoint -> endpoint.url().contains("hooks"));

        ApiClient.Response api = new ApiClient(port).post(WebhookApiController.PATH).bearer(token(admin))
                .json(Map.of("url", "ftp://files.example.com/in", "events", List.of("deal.closed"))).send();
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("url").contains("Use an https:// address.");
        ApiClient.Response unknown = new ApiClient(port).post(WebhookApiController.PATH).bearer(token(admin))
                .json(Map.of("url", "https://hooks.example.com/in", "events", List.of("deal.reopened"))).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("deal.reopened");
    }

    @Test
    void theApiIsForAdminTokensOnly() {
        ApiClient api = new ApiClient(port);
        TestData.Seller rep = data.user("REP", data.team("Webhook API"));
        String repToken = token(rep);
        assertThat(api.get(WebhookApiController.PATH).send().status()).isEqualTo(401);
        assertThat(api.get(WebhookApiController.PATH).bearer(repToken).send().status()).isEqualTo(403);
        assertThat(api.post(WebhookApiController.PATH).bearer(repToken).json(Map.of("url",
                "https://hooks.example.com/rep", "events", List.of("deal.closed"))).send().status()).isEqualTo(403);
        assertThat(endpoints.list()).noneMatch(endpoint -> endpoint.url().endsWith("/rep"));

        WebhookReceiver receiver = receiver();
        String adminToken = token(admin);
        ApiClient.Response posted = api.post(WebhookApiController.PATH).bearer(adminToken).json(Map.of("url",
                receiver.url(), "description", "From the API", "events", List.of("handoff.created", "step.updated")))
                .send();
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().path("id").asString();
        created.add(UUID.fromString(id));
        String secret = posted.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(posted.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(id));
        assertThat(api.get(WebhookApiController.PATH + "/" + id + "/deliveries").bearer(repToken).send().status())
                .isEqualTo(403);
        assertThat(api.method("DELETE", WebhookApiController.PATH + "/" + id).bearer(repToken).send().status()).isEqualTo(403);

        ApiClient.Response listed = api.get(WebhookApiController.PATH).bearer(adminToken).send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(id).contains("From the API").doesNotContain(secret)
                .doesNotContain("whsec_");

        sendTest(UUID.fromString(id));
        await().atMost(WAIT).until(() -> receiver.ofType("webhook.test").size() == 1);
        assertThat(StandardWebhooksVerifier.verifies(secret, receiver.ofType("webhook.test").get(0))).isTrue();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode log = api.get(WebhookApiController.PATH + "/" + id + "/deliveries").bearer(adminToken).send()
                    .json();
            assertThat(log.path("totalElements").asInt()).isEqualTo(1);
            assertThat(log.path("content").get(0).path("type").asString()).isEqualTo("webhook.test");
            assertThat(log.path("content").get(0).path("status").asString()).isEqualTo("DELIVERED");
            assertThat(log.path("content").get(0).path("attempts").asInt()).isEqualTo(1);
        });

        assertThat(api.method("DELETE", WebhookApiController.PATH + "/" + id).bearer(adminToken).send().status())
                .isEqualTo(204);
        assertThat(api.get(WebhookApiController.PATH + "/" + id + "/deliveries").bearer(adminToken).send().status())
                .isEqualTo(404);
        assertThat(api.get("/v3/api-docs").send().body()).contains("/api/v1/webhooks/{id}/deliveries");
    }

    @Test
    void theWebhookPagesAreForAdminsOnly() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("Webhook managers"));
        assertThat(mvc.perform(get(WebhookAdminController.PATH).with(SignIn.as(manager))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(page("/deals")).contains("href=\"" + WebhookAdminController.PATH + "\"");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Endpoint(UUID id, List<String> events) {
    }

    record Issued(UUID id, String secret) {
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private Issued register(WebhookReceiver receiver, List<String> events) {
        WebhookEndpoints.Issued issued = endpoints.create(receiver.url(), "", events.stream()
                .map(name -> WebhookEventType.of(name).orElseThrow()).toList(), true);
        created.add(issued.endpoint().id());
        return new Issued(issued.endpoint().id(), issued.secret());
    }

    private void sendTest(UUID endpoint) {
        try {
            assertThat(mvc.perform(post(WebhookAdminController.PATH + "/" + endpoint + "/test").with(SignIn.as(admin))
                    .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Endpoint endpointAt(WebhookReceiver receiver) {
        WebhookEndpoints.Endpoint found = endpoints.list().stream()
                .filter(endpoint -> endpoint.url().equals(receiver.url())).findFirst().orElseThrow();
        return new Endpoint(found.id(), found.eventNames());
    }

    private long version(UUID endpoint) {
        return endpoints.get(endpoint).version();
    }

    /** The newest delivery of the endpoint, as the API lists it. */
    private JsonNode delivery(UUID endpoint) {
        return new ApiClient(port).get(WebhookApiController.PATH + "/" + endpoint + "/deliveries")
                .bearer(adminToken()).send().json().path("content").get(0);
    }

    private String adminTokenValue;

    private String adminToken() {
        if (adminTokenValue == null) {
            adminTokenValue = token(admin);
        }
        return adminTokenValue;
    }

    private String token(TestData.Seller seller) {
        ApiClient.Response minted = new ApiClient(port).post("/api/v1/tokens").basic(seller.email(),
                TestData.PASSWORD).send();
        assertThat(minted.status()).isEqualTo(201);
        return minted.json().path("token").asString();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(SignIn.as(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String secretIn(String html) {
        Matcher matcher = SECRET.matcher(html);
        assertThat(matcher.find()).as("the secret is shown").isTrue();
        return matcher.group(1);
    }

    private static List<WebhookReceiver.Received> messagesAbout(WebhookReceiver receiver, String type, String field,
            Object id) {
        return receiver.ofType(type).stream()
                .filter(message -> id.toString().equals(message.json().path("data").path(field).asString()))
                .toList();
    }

    private static List<WebhookReceiver.Received> changes(WebhookReceiver receiver, UUID step, String change) {
        return messagesAbout(receiver, "step.updated", "stepId", step).stream()
                .filter(message -> change.equals(message.json().path("data").path("change").asString())).toList();
    }

    private StepView current(MutualPlanFixtures.Fixture fixture, StepView step) {
        return plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                .filter(found -> found.id().equals(step.id())).findFirst().orElseThrow();
    }
}
