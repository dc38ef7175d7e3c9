package io.mutua.integration;

import static io.mutua.integration.CalendarFiles.HOST;
import static io.mutua.integration.CalendarFiles.event;
import static io.mutua.integration.CalendarFiles.events;
import static io.mutua.integration.CalendarFiles.feedPathIn;
import static io.mutua.integration.CalendarFiles.parse;
import static io.mutua.integration.CalendarFiles.uids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepChange;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A seller's calendar feeds, through the whole stack: made on the plan's calendar page, read over real HTTP without
 * signing in, as a calendar app does.
 */
@IntegrationTest
class CalendarFeedIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    PlanService plans;
    @Autowired
    MutualPlanFixtures fixtures;

    MutualPlanFixtures.Fixture fixture;
    TestData.Seller rep;
    ApiClient http;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        rep = fixture.rep();
        http = new ApiClient(port);
    }

    @Test
    void aSellersFeedHasOneAllDayEventPerDatedStepInternalStepsIncluded() {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        String feed = create(rep, "PLAN");

        ApiClient.Response response = http.get(feed).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar").contains("charset=UTF-8");
        assertThat(response.header("Cache-Control").orElse("")).contains("private", "no-cache");
        assertThat(response.header("ETag")).isPresent();
        Calendar calendar = parse(response.body());
        List<StepView> steps = plan().steps();
        assertThat(steps.stream().filter(step -> step.targetDate() != null)).hasSizeGreaterThan(3);
        assertThat(events(calendar)).hasSize(steps.size());
        assertThat(uids(calendar)).isEqualTo(uidsOf(steps));
        assertThat(uids(calendar)).contains(internal.step().id() + "@" + HOST);
        assertThat(CalendarFiles.name(calendar)).isEqualTo(fixture.deal().account() + " · mutual action plan");
        StepView first = steps.get(0);
        VEvent event = event(calendar, first.id() + "@" + HOST);
        assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(first.targetDate());
        assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(first.targetDate().plusDays(1));
        assertThat(event.getSummary().getValue()).isEqualTo(first.title() + " · " + fixture.deal().account());
        assertThat(event.getDescription().getValue())
                .contains("Open the plan: http://localhost:8080/deals/" + fixture.deal().id() + "/plan");
    }

    @Test
    void eventsKeepTheirUidAndAMovedDateArrivesWithAHigherSequence() {
        String feed = create(rep, "PLAN");
        Calendar before = parse(http.get(feed).send().body());
        assertThat(parse(http.get(feed).send().body())).as("nothing changed, nothing differs").isEqualTo(before);

        StepView step = plan().steps().get(1);
        // iCalendar times have whole seconds: the change happens no earlier than this second.
        Instant changing = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StepChange change = plans.updateStep(viewer(), fixture.planId(), step.id(), step.version(),
                StepUpdate.targetDate(step.targetDate().plusWeeks(3)), true);
        Calendar after = parse(http.get(feed).send().body());

        assertThat(uids(after)).isEqualTo(uids(before));
        String uid = step.id() + "@" + HOST;
        VEvent moved = event(after, uid);
        assertThat(moved.getStartDate().orElseThrow().getDate()).isEqualTo(change.step().targetDate())
                .isNotEqualTo(step.targetDate());
        assertThat(moved.getSequence().getSequenceNo()).isGreaterThan(event(before, uid).getSequence().getSequenceNo());
        assertThat(moved.getLastModified().getDate()).isAfterOrEqualTo(changing)
                .isAfterOrEqualTo(event(before, uid).getLastModified().getDate());
        for (StepView cascaded : change.moved()) {
            assertThat(event(after, cascaded.id() + "@" + HOST).getStartDate().orElseThrow().getDate())
                    .isEqualTo(cascaded.targetDate());
        }
    }

    @Test
    void myStepsAreOnlyTheStepsTheHolderOwnsAsAPerson() {
        List<StepView> steps = plan().steps();
        StepView mineByName = steps.get(0);
        StepView mineAsParticipant = steps.get(1);
        StepView onlyARole = steps.get(2);
        assign(mineByName, OwnerRef.user(rep.id()));
        assign(mineAsParticipant, OwnerRef.participant(fixture.accountExecutive().id()));
        assign(onlyARole, OwnerRef.role("ACCOUNT_EXECUTIVE"));
        Set<String> expected = uidsOf(plan().steps().stream().filter(step -> step.owners().stream().anyMatch(
                owner -> rep.id().equals(owner.userId())
                        || fixture.accountExecutive().id().equals(owner.participantId()))).toList());

        Calendar mine = parse(http.get(create(rep, "MINE")).send().body());

        assertThat(uids(mine)).isEqualTo(expected)
                .contains(mineByName.id() + "@" + HOST, mineAsParticipant.id() + "@" + HOST)
                .doesNotContain(onlyARole.id() + "@" + HOST);
        assertThat(CalendarFiles.name(mine)).endsWith(" · my steps");
        assertThat(uids(parse(http.get(create(rep, "PLAN")).send().body())))
                .contains(onlyARole.id() + "@" + HOST);
    }

    @Test
    void targetSignatureAndGoLiveAreInTheFeedOnceSet() {
        String feed = create(rep, "PLAN");
        PlanView plan = plan();
        LocalDate signature = LocalDate.now().plusMonths(2);
        plans.describe(viewer(), fixture.planId(), new io.mutua.plans.PlanDetails("en", signature,
                signature.plusMonths(1), null), plan.version());

        Calendar calendar = parse(http.get(feed).send().body());

        assertThat(events(calendar)).hasSize(plan.steps().size() + 2);
        assertThat(event(calendar, fixture.planId() + "-signature@" + HOST).getStartDate().orElseThrow().getDate())
                .isEqualTo(signature);
        assertThat(event(calendar, fixture.planId() + "-go-live@" + HOST).getSummary().getValue())
                .isEqualTo("Target go-live · " + fixture.deal().account());
    }

    @Test
    void aRevokedFeedIsGoneAndANewAddressKillsTheOldOneAtOnce() throws Exception {
        String kept = create(rep, "PLAN");
        String revoked = create(rep, "MINE");
        List<UUID> ids = feedIds();

        String renewed = feedPathIn(html(mvc.perform(htmx(post(page() + "/" + ids.get(0) + "/regenerate"), rep))
                .andReturn().getResponse(), 200));
        html(mvc.perform(htmx(post(page() + "/" + ids.get(1) + "/revoke"), rep)).andReturn().getResponse(), 200);

        assertThat(renewed).isNotEqualTo(kept);
        assertThat(http.get(kept).send().status()).isEqualTo(404);
        assertThat(http.get(renewed).send().status()).isEqualTo(200);
        assertThat(http.get(revoked).send().status()).isEqualTo(404);
        assertThat(feedIds()).containsExactly(ids.get(0));
    }

    @Test
    void aDeactivatedSellersFeedStopsWorking() throws Exception {
        String feed = create(rep, "PLAN");
        assertThat(http.get(feed).send().status()).isEqualTo(200);
        TestData.Seller admin = data.user("ADMIN", fixture.teamId());

        mvc.perform(post("/admin/users/" + rep.id()).with(SignIn.as(admin)).with(csrf()).param("name", rep.name())
                .param("role", "REP").param("teamId", fixture.teamId().toString()).param("_active", "on")
                .param("version", "0")).andReturn();

        ApiClient.Response gone = http.get(feed).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).doesNotContain(fixture.deal().account(), "BEGIN:VCALENDAR");
    }

    @Test
    void aSellerWhoLosesAccessToTheDealLosesTheirFeed() throws Exception {
        TestData.Seller teammate = data.user("REP", fixture.teamId());
        String feed = create(teammate, "PLAN");
        assertThat(http.get(feed).send().status()).isEqualTo(200);
        TestData.Seller admin = data.user("ADMIN", fixture.teamId());
        UUID elsewhere = data.team("Elsewhere");

        mvc.perform(post("/admin/users/" + teammate.id()).with(SignIn.as(admin)).with(csrf())
                .param("name", teammate.name()).param("role", "REP").param("teamId", elsewhere.toString())
                .param("active", "true").param("version", "0")).andReturn();

        assertThat(http.get(feed).send().status()).isEqualTo(404);
    }

    @Test
    void readingAFeedStartsNoSessionAndTheHolderSeesWhenItWasLastRead() throws Exception {
        String feed = create(rep, "PLAN");
        String before = html(mvc.perform(get(page()).with(SignIn.as(rep))).andReturn().getResponse(), 200);
        assertThat(before).contains("not read by any calendar app yet");

        ApiClient.Response read = http.get(feed).send();
        ApiClient.Response unknown = http.get("/calendar/" + FeedTokens.newToken() + ".ics").send();
        ApiClient.Response nonsense = http.get("/calendar/not-a-feed").send();

        for (ApiClient.Response response : List.of(read, unknown, nonsense)) {
            assertThat(response.header("Set-Cookie")).as("cookies of %s", response.body()).isEmpty();
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("no calendar feed at this address");
        assertThat(nonsense.status()).isEqualTo(404);
        String after = html(mvc.perform(get(page()).with(SignIn.as(rep))).andReturn().getResponse(), 200);
        assertThat(after).contains("last read by a calendar app").doesNotContain("not read by any calendar app yet");
    }

    @Test
    void aPlainFormShowsTheNewAddressOnceAfterTheRedirect() throws Exception {
        MvcResult created = mvc.perform(post(page()).with(SignIn.as(rep)).with(csrf()).param("scope", "PLAN"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo(page());

        // The session (kept in the database) carries the new address across the redirect, once.
        Cookie session = created.getResponse().getCookie(BuyerClient.SESSION_COOKIE);
        assertThat(session).isNotNull();
        String shown = html(mvc.perform(get(page()).with(SignIn.as(rep)).cookie(session)).andReturn().getResponse(),
                200);
        String again = html(mvc.perform(get(page()).with(SignIn.as(rep)).cookie(session)).andReturn().getResponse(),
                200);

        assertThat(http.get(feedPathIn(shown)).send().status()).isEqualTo(200);
        assertThat(CalendarFiles.showsAFeedAddress(again)).isFalse();
        assertThat(again).contains("Every dated step of the plan", "shown only once");
    }

    @Test
    void feedsAreTheirHoldersOwnAndAPlanOthersMayNotSeeHasNone() throws Exception {
        String feed = create(rep, "PLAN");
        UUID id = feedIds().get(0);
        TestData.Seller teammate = data.user("REP", fixture.teamId());
        TestData.Seller outsider = data.user("REP", data.team("Elsewhere"));

        String theirs = html(mvc.perform(get(page()).with(SignIn.as(teammate))).andReturn().getResponse(), 200);
        MockHttpServletResponse revoke = mvc.perform(htmx(post(page() + "/" + id + "/revoke"), teammate))
                .andReturn().getResponse();

        assertThat(theirs).contains("You have no calendar feed for this plan yet.").doesNotContain(id.toString());
        assertThat(html(revoke, 409)).contains("This feed no longer exists");
        assertThat(http.get(feed).send().status()).isEqualTo(200);
        assertThat(mvc.perform(get(page()).with(SignIn.as(outsider))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(htmx(post(page()).param("scope", "PLAN"), outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void aFeedNeedsAScope() throws Exception {
        MockHttpServletResponse refused = mvc.perform(htmx(post(page()), rep)).andReturn().getResponse();

        assertThat(html(refused, 422)).contains("Choose what the feed should show.");
        assertThat(feedIds()).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String create(TestData.Seller seller, String scope) {
        try {
            MockHttpServletResponse response = mvc.perform(htmx(post(page()).param("scope", scope), seller))
                    .andReturn().getResponse();
            return feedPathIn(html(response, 200));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<UUID> feedIds() throws Exception {
        String html = html(mvc.perform(get(page()).with(SignIn.as(rep))).andReturn().getResponse(), 200);
        return java.util.regex.Pattern.compile("id=\"feed-([0-9a-f-]{36})\"").matcher(html).results()
                .map(match -> UUID.fromString(match.group(1))).toList();
    }

    private void assign(StepView step, OwnerRef owner) {
        StepView current = plan().steps().stream().filter(s -> s.id().equals(step.id())).findFirst().orElseThrow();
        plans.updateStep(viewer(), fixture.planId(), step.id(), current.version(),
                new StepUpdate(null, null, null, null, List.of(owner), null), false);
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, TestData.Seller as) {
        return request.with(SignIn.as(as)).with(csrf()).header("HX-Request", "true");
    }

    private static String html(MockHttpServletResponse response, int status) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("status of a response with %s", body).isEqualTo(status);
        return body;
    }

    private static Set<String> uidsOf(List<StepView> steps) {
        return steps.stream().map(step -> step.id() + "@" + HOST).collect(Collectors.toSet());
    }

    private PlanView plan() {
        return plans.get(viewer(), fixture.planId());
    }

    private Viewer viewer() {
        return users.viewer(rep.id());
    }

    private String page() {
        return "/plans/" + fixture.planId() + "/calendar";
    }
}
