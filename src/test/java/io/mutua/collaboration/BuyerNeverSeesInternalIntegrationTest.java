package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Money;
import io.mutua.deals.Qualification;
import io.mutua.deals.QualificationChange;
import io.mutua.deals.QualificationStatus;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The point of mutual action plans: a secret marker is seeded into everything internal — the deal's own name, an
 * internal step with its description, comment and document, a milestone of internal steps, an internal comment and
 * document, qualification notes, a manager's override reason, changes to internal steps — and then every response
 * a buyer can receive is searched for it: every page and fragment the buyer's pages link to or load (found by
 * following them, so that new pages are covered without listing them here), the answers to the buyer's own edits,
 * the live event stream, and every email the buyer got.
 */
@IntegrationTest
class BuyerNeverSeesInternalIntegrationTest {

    private static final Pattern LINKS = Pattern.compile("(?:href|hx-get|action)=\"(/b(?:/[^\"#?]*)?)[\"#?]");
    private static final int MOST_PAGES = 400;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Qualification qualification;
    @Autowired
    Participants participants;
    @Autowired
    Comments comments;
    @Autowired
    MutualPlanFixtures fixtures;

    String secret;
    MutualPlanFixtures.Fixture fixture;
    MutualPlanFixtures.Internal internal;
    Inbox inbox;

    @BeforeEach
    void aMutualPlanFullOfSecrets() {
        secret = "SECRET" + TestData.unique();
        UUID team = data.team("Secrets");
        TestData.Seller rep = data.user("REP", team);
        Viewer seller = users.viewer(rep.id());
        Viewer manager = users.viewer(data.user("MANAGER", team).id());
        String tag = TestData.unique();
        DealView deal = deals.create(seller, new DealDetails("Deal " + secret, "Account " + tag,
                Money.of("75000", "EUR"), rep.id(), LocalDate.now().plusMonths(3), "CRM-" + secret, "Seg" + secret),
                "prospecting");
        PlanView closing = plans.generate(seller, deal.id());
        qualification.update(seller, deal.id(), MeddpiccElement.CHAMPION, new QualificationChange(
                QualificationStatus.CONFIRMED, "Champion notes " + secret, "Chloe " + secret,
                "chloe-" + tag + "@buyer.example"), 0);
        qualification.update(seller, deal.id(), MeddpiccElement.COMPETITION, new QualificationChange(
                QualificationStatus.PARTIAL, "Competitor " + secret, null, null), 0);
        PlanView plan = plans.convert(manager, closing.id(), "Override " + secret, closing.version());

        ParticipantView chloe = participants.addBuyer(seller, plan.id(), "Chloe Champion",
                "chloe-" + tag + "@buyer.example", "Head of Operations", BuyingRole.CHAMPION);
        ParticipantView eric = participants.addBuyer(seller, plan.id(), "Eric Economic",
                "eric-" + tag + "@buyer.example", "CFO", BuyingRole.ECONOMIC_BUYER);
        participants.makeMainContact(seller, plan.id(), chloe.id());
        ParticipantView ae = participants.list(seller, plan.id()).stream().filter(p -> !p.buyer()).findFirst()
                .orElseThrow();
        fixture = new MutualPlanFixtures.Fixture(team, rep, seller, deal, plans.get(seller, plan.id()), chloe, eric,
                ae, tag);
        internal = fixtures.seedInternal(fixture, secret);
        StepView step = internal.step();
        plans.updateStep(seller, plan.id(), step.id(), step.version(), StepUpdate.status(StepStatus.IN_PROGRESS),
                false);
        inbox = new Inbox(mailServer);
    }

    @Test
    void noPageFragmentOrAnswerABuyerCanGetMentionsAnythingInternal() throws Exception {
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(invite(fixture.mainContact())).getStatus()).isEqualTo(302);

        // The buyer acts: their answers are searched too.
        StepView shared = fixture.sharedStep();
        List<MockHttpServletResponse> answers = new ArrayList<>();
        answers.add(buyer.get(fixture.buyerPath()));
        answers.add(buyer.post(fixture.buyerPath() + "/steps/" + shared.id() + "/status", "status", "IN_PROGRESS",
                "version", String.valueOf(shared.version())));
        answers.add(buyer.post(fixture.buyerPath() + "/comments", "body", "Looks good @" + fixture.accountExecutive()
                .name(), "stepId", shared.id().toString()));
        answers.add(buyer.post(fixture.buyerPath() + "/steps", "milestoneId",
                fixture.plan().milestones().get(0).id().toString(), "title", "Our legal review", "durationDays", "4"));
        answers.add(buyer.post(fixture.buyerPath() + "/milestones", "title", "Our rollout"));
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).as("status of a buyer's action").isLessThan(400);
            assertNoSecret(answer.getContentAsString(), "an answer to the buyer's action");
        }

        // Every page and fragment reachable from the buyer's pages, as a page and as an htmx fragment.
        Set<String> visited = crawl(buyer, List.of("/b", fixture.buyerPath()));
        assertThat(visited).as("what the crawl reached").hasSizeGreaterThan(12)
                .contains("/b", fixture.buyerPath(), fixture.buyerPath() + "/comments",
                        fixture.buyerPath() + "/attachments", fixture.buyerPath() + "/steps/" + shared.id());

        // Internal items are not even addressable.
        for (String path : List.of("/steps/" + internal.step().id(), "/steps/" + internal.step().id() + "/edit",
                "/attachments/" + internal.attachmentId(), "/attachments/" + internal.stepAttachmentId())) {
            assertThat(buyer.get(fixture.buyerPath() + path).getStatus()).as(path).isEqualTo(404);
        }

        // Every email a buyer of this plan got.
        for (ParticipantView person : List.of(fixture.mainContact(), fixture.colleague())) {
            for (var message : inbox.of(person.email())) {
                assertNoSecret(Inbox.subject(message) + "\n" + Inbox.body(message), "an email to " + person.email());
            }
        }
    }

    @Test
    void theBuyersLiveStreamNamesSharedChangesOnlyAndNothingInternal() throws Exception {
        SignedInHttp buyer = SignedInHttp.buyer(invite(fixture.colleague()), port);
        try (EventStream stream = EventStream.open(buyer.client(), port, fixture.buyerPath() + "/live")) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.names().contains("ready"));

            StepView secretStep = plans.get(fixture.viewer(), fixture.planId()).steps().stream()
                    .filter(step -> step.id().equals(internal.step().id())).findFirst().orElseThrow();
            plans.updateStep(fixture.viewer(), fixture.planId(), secretStep.id(), secretStep.version(),
                    new StepUpdate("Renamed " + secret, null, StepStatus.DONE, null, null, null), false);
            comments.addBySeller(fixture.viewer(), fixture.planId(), null, "Another " + secret, true);
            StepView shared = fixture.sharedStep();
            plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                    StepUpdate.status(StepStatus.IN_PROGRESS), false);

            await().atMost(Duration.ofSeconds(5)).until(() -> stream.names().contains("step-" + shared.id()));
            assertThat(String.join("\n", stream.lines())).doesNotContain(secret)
                    .doesNotContain(internal.step().id().toString());
            assertThat(stream.names()).doesNotContain("comments");
        }
    }

    private Set<String> crawl(BuyerClient buyer, List<String> start) throws Exception {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty() && visited.size() < MOST_PAGES) {
            String path = queue.poll();
            if (!visited.add(path) || path.endsWith("/live") || path.equals("/b/sign-out")) {
                continue;
            }
            for (MockHttpServletResponse response : List.of(buyer.get(path), buyer.htmx(path))) {
                String body = response.getContentAsString();
                assertThat(response.getStatus()).as("status of %s", path).isLessThan(500);
                assertNoSecret(body, path);
                Matcher links = LINKS.matcher(body);
                while (links.find()) {
                    queue.add(links.group(1));
                }
            }
        }
        return visited;
    }

    private String invite(ParticipantView person) {
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        return BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1)));
    }

    private void assertNoSecret(String text, String where) {
        assertThat(text).as("%s must not contain anything internal", where).doesNotContain(secret)
                .doesNotContain(fixture.deal().name());
    }
}
