package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.ApiClient;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.NewStep;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SignatureCertificate;
import io.mutua.plans.SignatureOrigin;
import io.mutua.plans.PlanSignatures;
import io.mutua.plans.SignatureRequest;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ConflictException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan as a PDF through the whole application: the seller's and the buyer's downloads from the export menus and
 * the API, read back with PDFBox as their readers would read them — what is on the pages, what never is (anything
 * internal, for buyers and in the seller's shared copy), who may not have one at all, and Greek.
 */
@IntegrationTest
class PlanPdfIntegrationTest {

    private static final DateTimeFormatter ENGLISH_DATE =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanSignatures signatures;

    MutualPlanFixtures.Fixture fixture;

    @BeforeEach
    void aMutualPlanWithItsSections() {
        fixture = fixtures.mutualPlan();
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.PROBLEMS,
                "Pickers walk **nine kilometres** a shift in warehouse " + fixture.tag(), 0);
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.SUCCESS_CRITERIA,
                "- Picking time halved\n- Rollout before the peak season", 0);
    }

    @Test
    void aSellersPdfIsADownloadWithTheSectionsPeopleStepsAndTheCertificateOnTheLastPage() throws Exception {
        MockHttpServletResponse response = sellerGets(fixture.sellerPath() + "/export.pdf");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("Account " + fixture.tag() + " - mutual action plan.pdf");
        PdfText pdf = PdfText.of(response.getContentAsByteArray());
        PlanView plan = plans.get(fixture.viewer(), fixture.planId());

        assertThat(pdf.pageCount()).isBetween(2, 10);
        assertThat(pdf.title()).isEqualTo("Account " + fixture.tag() + " · Mutual action plan");
        assertThat(pdf.readingOrder(1)).contains("Mutual action plan", "Account " + fixture.tag(), "Active",
                "Target signature", "Target go-live", "Planned end", "Language of the plan", "English", "Generated",
                "Main contacts", "Chloe Champion", fixture.mainContact().email(), fixture.accountExecutive().name(),
                "Problems the buyer is solving", "Pickers walk nine kilometres a shift in warehouse " + fixture.tag());
        assertThat(pdf.all()).contains("Success criteria", "Picking time halved", "Rollout before the peak season")
                .contains("Stakeholders", "Eric Economic", "CFO", "Economic buyer", "Head of Operations")
                .doesNotContain(fixture.colleague().email())
                .contains("Timeline", "Milestones and steps");
        assertThat(pdf.all()).contains(plan.milestones().get(0).title());
        assertThat(pdf.page(pdf.pageCount())).contains("Signature certificate", "Not signed yet");
        assertThat(pdf.before("Signature certificate")).doesNotContain("Not signed yet");
        for (int page = 1; page <= pdf.pageCount(); page++) {
            assertThat(pdf.readingOrder(page)).contains("Account " + fixture.tag()
                    + " · Mutual action plan · page " + page + " of " + pdf.pageCount());
        }
    }

    @Test
    void everyStepIsListedWithItsOwnersTargetStatusAndCompletion() throws Exception {
        StepView step = fixture.sharedStep();
        plans.updateStep(fixture.viewer(), fixture.planId(), step.id(), step.version(),
                StepUpdate.status(StepStatus.DONE), false);
        PlanView plan = plans.get(fixture.viewer(), fixture.planId());

        PdfText pdf = PdfText.of(sellerGets(fixture.sellerPath() + "/export.pdf").getContentAsByteArray());

        String steps = pdf.all().substring(pdf.all().indexOf("Milestones and steps"),
                pdf.all().indexOf("Signature certificate"));
        for (StepView each : plan.steps().stream().filter(each -> each.visibility() == Visibility.SHARED).toList()) {
            assertThat(steps).contains(each.title(), ENGLISH_DATE.format(each.targetDate()), english("stepStatus."
                    + each.status().name()));
            for (OwnerView owner : each.owners()) {
                assertThat(steps).contains(owner.person() ? owner.name() : english("ownerRole." + owner.role()));
            }
        }
        StepView done = plan.steps().stream().filter(each -> each.id().equals(step.id())).findFirst().orElseThrow();
        String row = steps.substring(steps.indexOf(done.title()));
        assertThat(row.substring(0, Math.min(row.length(), 300))).contains(english("stepStatus.DONE") + " "
                + ENGLISH_DATE.format(done.completedAt().atZone(clock.getZone()).toLocalDate()));
    }

    @Test
    void buyersAndTheSellersSharedCopyNeverHoldAnythingInternalButTheInternalCopyDoesOnEveryPage() throws Exception {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        BuyerClient buyer = signedIn(fixture.mainContact());

        MockHttpServletResponse forBuyer = buyer.get(fixture.buyerPath() + "/export.pdf");
        assertThat(forBuyer.getStatus()).isEqualTo(200);
        assertThat(forBuyer.getContentType()).isEqualTo("application/pdf");
        assertThat(forBuyer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(forBuyer.getHeader("Content-Disposition")).startsWith("attachment;");
        PdfText buyers = PdfText.of(forBuyer.getContentAsByteArray());
        assertThat(buyers.all()).contains(fixture.sharedStep().title(), "Signature certificate")
                .doesNotContain(internal.secret(), fixture.deal().name(), "For the sales team only");

        PdfText shared = PdfText.of(sellerGets(fixture.sellerPath() + "/export.pdf").getContentAsByteArray());
        assertThat(shared.all()).contains(fixture.sharedStep().title())
                .doesNotContain(internal.secret(), fixture.deal().name(), "For the sales team only");

        MockHttpServletResponse full = sellerGets(fixture.sellerPath() + "/export.pdf?internal=true");
        assertThat(full.getHeader("Content-Disposition"))
                .contains("Account " + fixture.tag() + " - mutual action plan (internal).pdf");
        PdfText internalCopy = PdfText.of(full.getContentAsByteArray());
        assertThat(internalCopy.all()).contains("Step " + internal.secret(), "Milestone " + internal.secret(),
                "Hidden " + internal.secret());
        String steps = internalCopy.all().substring(internalCopy.all().indexOf("Milestones and steps"));
        assertThat(steps.substring(steps.indexOf("Step " + internal.secret())))
                .startsWith("Step " + internal.secret() + " Internal");
        for (int page = 1; page <= internalCopy.pageCount(); page++) {
            assertThat(internalCopy.page(page)).as("page %d", page).contains("For the sales team only");
        }
    }

    @Test
    void nobodyGetsThePdfOfAPlanTheyMayNotSee() throws Exception {
        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        BuyerClient buyer = signedIn(fixture.mainContact());

        assertThat(buyer.get(other.buyerPath() + "/export.pdf").getStatus()).isEqualTo(404);
        assertThat(buyer.get(fixture.sellerPath() + "/export.pdf").getStatus()).isEqualTo(404);
        assertThat(buyer.get(fixture.buyerPath() + "/export.pdf").getStatus()).isEqualTo(200);

        assertThat(mvc.perform(get(fixture.sellerPath() + "/export.pdf").with(SignIn.as(other.rep())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        participants.revoke(fixture.viewer(), fixture.planId(), fixture.mainContact().id(),
                participants.list(fixture.viewer(), fixture.planId()).stream()
                        .filter(person -> person.id().equals(fixture.mainContact().id())).findFirst().orElseThrow()
                        .version());
        assertThat(buyer.get(fixture.buyerPath() + "/export.pdf").getStatus()).isEqualTo(404);
    }

    @Test
    void peopleWhoseAccessEndedAreLeftOut() throws Exception {
        ParticipantView eric = fixture.colleague();
        participants.revoke(fixture.viewer(), fixture.planId(), eric.id(), eric.version());

        PdfText pdf = PdfText.of(sellerGets(fixture.sellerPath() + "/export.pdf").getContentAsByteArray());

        assertThat(pdf.all()).contains("Chloe Champion").doesNotContain("Eric Economic", eric.email());
    }

    @Test
    void aGreekPlanPrintsInGreekForItsBuyersWhileTheSellerReadsTheirOwnLanguage() throws Exception {
        PlanView plan = plans.get(fixture.viewer(), fixture.planId());
        plans.describe(fixture.viewer(), fixture.planId(), new PlanDetails("el", null, null, null), plan.version());
        plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(plan.milestones().get(0).id(),
                "Υπογραφή σύμβασης από τη νομική υπηρεσία", null, Side.BUYER, Visibility.SHARED, 3, null, List.of(),
                null));
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.SOLUTION,
                "Αυτόματη συλλογή παραγγελιών στην αποθήκη", 0);
        BuyerClient buyer = signedIn(fixture.mainContact());

        MockHttpServletResponse response = buyer.get(fixture.buyerPath() + "/export.pdf");
        assertThat(ContentDisposition.parse(response.getHeader("Content-Disposition")).getFilename())
                .isEqualTo("Account " + fixture.tag() + " - κοινό πλάνο δράσης.pdf");
        PdfText greek = PdfText.of(response.getContentAsByteArray());

        assertThat(greek.all()).contains("Κοινό πλάνο δράσης", "Προτεινόμενη λύση",
                "Αυτόματη συλλογή παραγγελιών στην αποθήκη", "Υπογραφή σύμβασης από τη νομική υπηρεσία",
                "Πιστοποιητικό υπογραφών", "Δεν έχει υπογραφεί ακόμη")
                .doesNotContain("#", "Mutual action plan");
        assertThat(greek.readingOrder(1)).contains("Κοινό πλάνο δράσης · σελίδα 1 από " + greek.pageCount());

        PdfText english = PdfText.of(sellerGets(fixture.sellerPath() + "/export.pdf").getContentAsByteArray());
        assertThat(english.all()).contains("Mutual action plan", "Language of the plan", "Greek",
                "Υπογραφή σύμβασης από τη νομική υπηρεσία");
    }

    @Test
    void theApiGivesSellersTheSameDocumentsAndNobodyElse() throws Exception {
        MutualPlanFixtures.Internal internal = fixtures.seedInternal(fixture);
        ApiClient api = new ApiClient(port);
        String token = api.token(fixture.rep().email(), TestData.PASSWORD);
        String path = "/api/v1/plans/" + fixture.planId() + "/export.pdf";

        HttpResponse<byte[]> shared = download(path, token);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(shared.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(shared.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(PdfText.of(shared.body()).all()).contains(fixture.sharedStep().title(), "Signature certificate")
                .doesNotContain(internal.secret());

        HttpResponse<byte[]> full = download(path + "?internal=true", token);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(PdfText.of(full.body()).all()).contains("Step " + internal.secret(), "For the sales team only");

        MutualPlanFixtures.Fixture other = fixtures.mutualPlan();
        String stranger = api.token(other.rep().email(), TestData.PASSWORD);
        api.get(path).bearer(stranger).send().problem(404);
        assertThat(api.get(path).send().status()).isEqualTo(401);
    }

    @Test
    void aClosingPlanPrintsAsTheSalesTeamsClosingPlan() throws Exception {
        String tag = TestData.unique();
        TestData.Seller rep = data.user("REP", data.team("Pdf"));
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Deal " + tag, "Closing " + tag, Money.of("20000", "EUR"),
                rep.id(), LocalDate.now().plusMonths(4), null, null), "prospecting");
        PlanView plan = closingPlan(viewer, deal);

        MockHttpServletResponse response = mvc.perform(get("/plans/" + plan.id() + "/export.pdf?internal=true")
                .with(SignIn.as(rep))).andReturn().getResponse();

        assertThat(ContentDisposition.parse(response.getHeader("Content-Disposition")).getFilename())
                .isEqualTo("Closing " + tag + " - closing plan (internal).pdf");
        PdfText pdf = PdfText.of(response.getContentAsByteArray());
        assertThat(pdf.readingOrder(1)).contains("Closing plan", "Closing " + tag,
                "Closing " + tag + " · Closing plan · page 1 of " + pdf.pageCount());
        assertThat(pdf.all()).doesNotContain("Mutual action plan", "Deal " + tag);
        for (StepView step : plan.steps()) {
            assertThat(pdf.all()).contains(step.title());
        }
    }

    @Test
    void theCertificateListsEachSignatureAsVerifiedWhenPrintedAndShowsItOutdatedAfterASharedChange() throws Exception {
        signatures.sign(fixture.viewer(), fixture.planId(),
                new SignatureRequest(fixture.rep().name(), "Account executive", true),
                new SignatureOrigin("203.0.113.7", "CertificateAgent/1.0"));
        SignatureCertificate signed = signatures.certificate(fixture.planId());

        String certificate = PdfText.of(sellerGets(fixture.sellerPath() + "/export.pdf").getContentAsByteArray())
                .from("Signature certificate");
        assertThat(certificate).doesNotContain("Not signed yet")
                .contains(fixture.rep().name(), "Account executive", "203.0.113.7", "CertificateAgent/1.0",
                        signed.contentHash(), "Valid: the plan has not changed since");

        StepView shared = fixture.sharedStep();
        plans.updateStep(fixture.viewer(), fixture.planId(), shared.id(), shared.version(),
                StepUpdate.targetDate(shared.targetDate().plusWeeks(2)), false);

        String buyersCopy = PdfText.of(signedIn(fixture.mainContact()).get(
                "/b/plans/" + fixture.planId() + "/export.pdf").getContentAsByteArray())
                .from("Signature certificate");
        assertThat(buyersCopy).contains(fixture.rep().name(), "203.0.113.7", signed.contentHash(), "Outdated: the shared content changed")
                .doesNotContain("Valid: the plan has not changed since");
    }

    private PlanView closingPlan(Viewer viewer, DealView deal) {
        try {
            return plans.generate(viewer, deal.id());
        } catch (ConflictException alreadyGenerated) {
            return plans.findForDeal(viewer, deal.id()).orElseThrow();
        }
    }

    private String english(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    private MockHttpServletResponse sellerGets(String path) throws Exception {
        return mvc.perform(get(path).with(SignIn.as(fixture.rep())).with(csrf())).andReturn().getResponse();
    }

    private BuyerClient signedIn(ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        assertThat(buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))))
                .getStatus()).isEqualTo(302);
        return buyer;
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
