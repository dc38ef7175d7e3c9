package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.mutua.collaboration.BuyingRole;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SignatureStatus;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The print template and openhtmltopdf together, on hand-built plans: what a reader of the PDF finds on its pages,
 * including the signature certificate in each of its states.
 */
class PdfRendererTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final PdfRenderer renderer = new PdfRenderer(TemplateEngine.createPrecompiled(ContentType.Html),
            "http://localhost:8080");

    @Test
    void theCertificatePageListsEverySignatureWithItsTimeAddressRevisionHashAndStatus() {
        Certificate certificate = new Certificate(4, HASH, List.of(
                new CertificateLine(Side.SELLER, "Sam Seller", "Account executive",
                        Instant.parse("2026-03-02T12:05:09Z"), "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", 3,
                        "0000aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666000077778888", SignatureStatus.OUTDATED),
                new CertificateLine(Side.BUYER, "Chloe Champion", "Head of Operations",
                        Instant.parse("2026-03-03T08:00:00Z"), "198.51.100.23", "Safari/17.2", 4, HASH,
                        SignatureStatus.VALID),
                new CertificateLine(Side.BUYER, "Eric Economic", "CFO", Instant.parse("2026-03-03T09:30:00Z"),
                        "2001:db8::1", "Firefox/124.0", 4, HASH, SignatureStatus.TAMPERED)));

        PdfText pdf = PdfText.of(renderer.render(plan("Acme Robotics", certificate, false), text(Locale.ENGLISH)));

        String certificatePages = pdf.from("Signature certificate");
        assertThat(certificatePages).contains("Signature certificate", "Current revision", "4", HASH)
                .contains("Sam Seller", "Account executive", "Seller", "2026-03-02 14:05:09 +02:00 (Europe/Athens)",
                        "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)",
                        "0000aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666000077778888",
                        "Outdated: the shared content changed after this signature")
                .contains("Chloe Champion", "Head of Operations", "Buyer", "2026-03-03 10:00:00 +02:00",
                        "198.51.100.23", "Safari/17.2", "Valid: the plan has not changed since")
                .contains("Eric Economic", "2001:db8::1", "Tampered: the stored plan no longer matches what was signed")
                .doesNotContain("Not signed yet");
        assertThat(pdf.before("Signature certificate")).doesNotContain("Sam Seller", "203.0.113.7");
    }

    @Test
    void aPlanNobodySignedSaysSoOnItsCertificatePage() {
        PdfText pdf = PdfText.of(renderer.render(plan("Acme Robotics", Certificate.notSignedYet(), false),
                text(Locale.ENGLISH)));

        assertThat(pdf.page(pdf.pageCount())).contains("Signature certificate", "Not signed yet", "Current revision")
                .doesNotContain("Signed at", "IP address");
    }

    @Test
    void everyPageCarriesTheFooterWithItsNumberAndTheInternalCopyItsBanner() {
        PdfText pdf = PdfText.of(renderer.render(plan("Acme Robotics", Certificate.notSignedYet(), true),
                text(Locale.ENGLISH)));

        assertThat(pdf.pageCount()).isGreaterThanOrEqualTo(2);
        for (int page = 1; page <= pdf.pageCount(); page++) {
            assertThat(pdf.readingOrder(page))
                    .contains("Acme Robotics · Mutual action plan · page " + page + " of " + pdf.pageCount())
                    .contains("For the sales team only");
        }
        assertThat(pdf.title()).isEqualTo("Acme Robotics · Mutual action plan");
    }

    @Test
    void eachStepRowGivesItsSideOwnersTargetStatusAndCompletionAndMarksInternalSteps() {
        PdfText pdf = PdfText.of(renderer.render(plan("Acme Robotics", Certificate.notSignedYet(), true),
                text(Locale.ENGLISH)));

        assertThat(pdf.all()).contains("Υπογραφή σύμβασης Buyer Chloe Champion Mar 22, 2026 Not started –")
                .contains("Security review Internal Seller Economic buyer Mar 7, 2026 Done Mar 6, 2026")
                .contains("Stakeholders", "Chloe Champion Main contact Head of Operations Buyer Champion")
                .contains("Problems the buyer is solving Μείωση κόστους αποθήκης Proposed solution Nothing written");
    }

    @Test
    void greekTextIsPrintedWithGlyphsThatExtractAsGreek() {
        PdfText pdf = PdfText.of(renderer.render(plan("Ακμή Ρομποτική", Certificate.notSignedYet(), false),
                text(Locale.forLanguageTag("el"))));

        assertThat(pdf.all()).contains("Ακμή Ρομποτική", "Κοινό πλάνο δράσης", "Πιστοποιητικό υπογραφών",
                "Δεν έχει υπογραφεί ακόμη", "Υπογραφή σύμβασης", "Μείωση κόστους αποθήκης")
                .doesNotContain("#");
    }

    private static DocumentText text(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new DocumentText(messages, locale, ATHENS);
    }

    private static PrintedPlan plan(String account, Certificate certificate, boolean internal) {
        LocalDate start = LocalDate.of(2026, 3, 2);
        OwnerView chloe = new OwnerView(null, UUID.randomUUID(), "Chloe Champion", null, null, "BUYER");
        OwnerView role = new OwnerView(null, null, null, null, "ECONOMIC_BUYER", "BUYER");
        List<PrintedPlan.Step> steps = List.of(
                new PrintedPlan.Step("Υπογραφή σύμβασης", Side.BUYER, false, List.of(chloe), start.plusDays(20),
                        StepStatus.NOT_STARTED, null, false),
                new PrintedPlan.Step("Security review", Side.SELLER, internal, List.of(role), start.plusDays(5),
                        StepStatus.DONE, start.plusDays(4), false));
        List<PrintedPlan.Milestone> milestones = List.of(new PrintedPlan.Milestone("Decision", steps),
                new PrintedPlan.Milestone("Rollout", List.of(steps.get(0), steps.get(0), steps.get(0))));
        return new PrintedPlan(account, true, "el", PlanStatus.ACTIVE, start.plusDays(30), start.plusDays(60),
                start.plusDays(20), Instant.parse("2026-03-01T10:00:00Z"), internal,
                List.of(new PrintedPlan.Person("Chloe Champion", "Head of Operations", "BUYER", BuyingRole.CHAMPION,
                        true, "chloe@buyer.example")),
                List.of(new PrintedPlan.Section(SectionKey.PROBLEMS, "<p>Μείωση κόστους αποθήκης</p>"),
                        new PrintedPlan.Section(SectionKey.SOLUTION, "")),
                milestones, new PlanTimeline(start, start.plusDays(20), List.of(), null, List.of()), certificate);
    }
}
