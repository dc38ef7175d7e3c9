package io.mutua.integration;

import static io.mutua.integration.CalendarFiles.HOST;
import static io.mutua.integration.CalendarFiles.event;
import static io.mutua.integration.CalendarFiles.feedPathIn;
import static io.mutua.integration.CalendarFiles.parse;
import static io.mutua.integration.CalendarFiles.uids;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A buyer's calendar feeds through the whole stack — signed in from a real magic link, feeds made on the buyer's
 * calendar page with plain forms, read over real HTTP as a calendar app does — and a seller's one-off ICS export
 * through the API.
 */
@IntegrationTest
class BuyerCalendarFeedIntegrationTest {

    private static final Pattern FEED_ID = Pattern.compile("id=\"feed-([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    TestData data;

    MutualPlanFixtures.Fixture fixture;
    ApiClient http;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        http = new ApiClient(port);
    }

    @Test
    void aBuyersFeedHoldsTheSharedStepsAndNothingInternal() throws Exception {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        BuyerClient chloe = signedIn(fixture.mainContact());

        ApiClient.Response response = http.get(create(chloe, fixture, "PLAN")).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(internal.secret(), fixture.deal().name(),
                internal.step().id().toString());
        Calendar calendar = parse(response.body());
        List<StepView> all = plan().steps();
        assertThat(all).anyMatch(step -> step.visibility() == Visibility.INTERNAL);
        assertThat(uids(calendar)).isEqualTo(uidsOf(all.stream()
                .filter(step -> step.visibility() == Visibility.SHARED && step.targetDate() != null).toList()));
        assertThat(CalendarFiles.name(calendar)).isEqualTo(fixture.deal().account() + " · mutual action plan");
        StepView shared = fixture.sharedStep();
        assertThat(event(calendar, shared.id() + "@" + HOST).getDescription().getValue())
                .contains("Open the plan: http://localhost:8080/b/plans/" + fixture.planId())
                .doesNotContain("/deals/");
    }

    @Test
    void aBuyersOwnStepsAreTheSharedStepsAssignedToThemByName() throws Exception {
        List<StepView> shared = plan().steps().stream().filter(step -> step.visibility() == Visibility.SHARED)
                .toList();
        StepView mine = shared.get(0);
        StepView colleagues = shared.get(1);
        assign(mine, OwnerRef.participant(fixture.mainContact().id()));
        assign(colleagues, OwnerRef.participant(fixture.colleague().id()));
        BuyerClient chloe = signedIn(fixture.mainContact());

        Calendar calendar = parse(http.get(create(chloe, fixture, "MINE")).send().body());

        assertThat(uids(calendar)).isEqualTo(uidsOf(plan().steps().stream()
                        .filter(step -> step.visibility() == Visibility.SHARED && step.targetDate() != null)
                        .filter(step -> step.owners().stream()
                                .anyMatch(owner -> fixture.mainContact().id().equals(owner.participantId())))
                        .toList()))
                .contains(mine.id() + "@" + HOST)
                .doesNotContain(colleagues.id() + "@" + HOST);
        assertThat(CalendarFiles.name(calendar)).endsWith(" · my steps");
    }

    @Test
    void aRevokedParticipantsFeedsStopAtOnce() throws Exception {
        BuyerClient chloe = signedIn(fixture.mainContact());
        String feed = create(chloe, fixture, "PLAN");
        assertThat(http.get(feed).send().status()).isEqualTo(200);

        participants.revoke(fixture.viewer(), fixture.planId(), fixture.mainContact().id(),
                current(fixture.mainContact()).version());

        ApiClient.Response gone = http.get(feed).send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).doesNotContain("BEGIN:VCALENDAR", fixture.deal().account());
        assertThat(chloe.get(page(fixture)).getStatus()).isEqualTo(404);
    }

    @Test
    void aBuyerOfOnePlanCanNeitherSeeNorMakeNorTouchFeedsOfAnother() throws Exception {
        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        BuyerClient theirs = signedIn(other, other.mainContact());
        String theirFeed = create(theirs, other, "PLAN");
        UUID theirFeedId = feedIds(theirs.get(page(other))).get(0);
        BuyerClient chloe = signedIn(fixture.mainContact());
        chloe.get(page(fixture));

        assertThat(chloe.get(page(other)).getStatus()).isEqualTo(404);
        assertThat(chloe.post(page(other), "scope", "PLAN").getStatus()).isEqualTo(404);
        assertThat(chloe.post(page(other) + "/" + theirFeedId + "/revoke").getStatus()).isEqualTo(404);
        // Even through her own plan's address, a feed that is not hers does not exist for her.
        MockHttpServletResponse refused = chloe.post(page(fixture) + "/" + theirFeedId + "/revoke");
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("This feed no longer exists");
        assertThat(http.get(theirFeed).send().status()).isEqualTo(200);
        assertThat(feedIds(theirs.get(page(other)))).containsExactly(theirFeedId);
        assertThat(feedIds(chloe.get(page(fixture)))).isEmpty();
    }

    @Test
    void aGreekPlansFeedIsNamedInGreekForItsBuyers() throws Exception {
        PlanView plan = plan();
        plans.describe(fixture.viewer(), fixture.planId(), new PlanDetails("el", null, null, null), plan.version());
        BuyerClient chloe = signedIn(fixture.mainContact());

        Calendar calendar = parse(http.get(create(chloe, fixture, "PLAN")).send().body());

        assertThat(CalendarFiles.name(calendar)).isEqualTo(fixture.deal().account() + " · κοινό πλάνο δράσης");
        assertThat(event(calendar, fixture.sharedStep().id() + "@" + HOST).getDescription().getValue())
                .contains("Άνοιγμα του πλάνου: http://localhost:8080/b/plans/" + fixture.planId());
    }

    @Test
    void theApiExportsTheCallingSellersViewOfThePlan() {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        String path = "/api/v1/plans/" + fixture.planId() + "/export.ics";
        String token = http.token(fixture.rep().email(), TestData.PASSWORD);
        TestData.Seller outsider = data.user("REP", data.team("Elsewhere"));

        ApiClient.Response export = http.get(path).bearer(token).send();

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/calendar");
        assertThat(export.header("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains(".ics");
        Calendar calendar = parse(export.body());
        assertThat(uids(calendar)).isEqualTo(uidsOf(plan().steps().stream()
                .filter(step -> step.targetDate() != null).toList()))
                .contains(internal.step().id() + "@" + HOST);
        assertThat(http.get(path).send().status()).isEqualTo(401);
        assertThat(http.get(path).bearer(http.token(outsider.email(), TestData.PASSWORD)).send().status())
                .isEqualTo(404);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Creates a feed with the page's plain form and returns the address the page shows after the redirect. */
    private static String create(BuyerClient buyer, MutualPlanFixtures.Fixture on, String scope) throws Exception {
        buyer.get(page(on));
        MockHttpServletResponse created = buyer.post(page(on), "scope", scope);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).isEqualTo(page(on));
        String shown = buyer.get(page(on)).getContentAsString(StandardCharsets.UTF_8);
        String again = buyer.get(page(on)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(CalendarFiles.showsAFeedAddress(again)).as("the address is shown once").isFalse();
        return feedPathIn(shown);
    }

    private BuyerClient signedIn(ParticipantView person) throws Exception {
        return signedIn(fixture, person);
    }

    private BuyerClient signedIn(MutualPlanFixtures.Fixture on, ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(on.viewer(), on.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))));
        return buyer;
    }

    private static List<UUID> feedIds(MockHttpServletResponse page) throws Exception {
        assertThat(page.getStatus()).isEqualTo(200);
        return FEED_ID.matcher(page.getContentAsString(StandardCharsets.UTF_8)).results()
                .map(match -> UUID.fromString(match.group(1))).toList();
    }

    private void assign(StepView step, OwnerRef owner) {
        StepView current = plan().steps().stream().filter(s -> s.id().equals(step.id())).findFirst().orElseThrow();
        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), current.version(),
                new StepUpdate(null, null, null, null, List.of(owner), null), false);
    }

    private ParticipantView current(ParticipantView person) {
        return participants.list(fixture.viewer(), fixture.planId()).stream()
                .filter(p -> p.id().equals(person.id())).findFirst().orElseThrow();
    }

    private static Set<String> uidsOf(List<StepView> steps) {
        return steps.stream().map(step -> step.id() + "@" + HOST).collect(Collectors.toSet());
    }

    private PlanView plan() {
        return plans.get(fixture.viewer(), fixture.planId());
    }

    private static String page(MutualPlanFixtures.Fixture on) {
        return on.buyerPath() + "/calendar";
    }
}
