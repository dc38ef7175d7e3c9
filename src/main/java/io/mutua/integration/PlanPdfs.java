package io.mutua.integration;

import io.mutua.collaboration.BuyerAccess;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.collaboration.StakeholderView;
import io.mutua.collaboration.Stakeholders;
import io.mutua.deals.DealService;
import io.mutua.identity.Viewer;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionView;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Visibility;
import io.mutua.web.Languages;
import io.mutua.web.Markdown;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A plan as a PDF, for whoever asks, with the access rules of the pages. A buyer's document is made only from what
 * buyers see (the shared steps as {@link BuyerPlans} reads them, the active people of both sides), in the plan's
 * language. A seller's document holds the shared part too unless they ask for the internal copy, which adds the
 * internal steps, marked as such, and says on every page that it is for the sales team only; it speaks the seller's
 * language. Data is read first, each read in its own transaction; the rendering holds no database connection.
 */
@Service
class PlanPdfs {

    static final int MAX_FILE_NAME = 120;

    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final BuyerAccess access;
    private final Stakeholders stakeholders;
    private final Participants participants;
    private final DealService deals;
    private final PdfCertificates certificates;
    private final PdfRenderer renderer;
    private final Markdown markdown;
    private final MessageSource messages;
    private final Clock clock;

    PlanPdfs(PlanService plans, BuyerPlans buyerPlans, BuyerAccess access, Stakeholders stakeholders,
            Participants participants, DealService deals, PdfCertificates certificates, PdfRenderer renderer,
            Markdown markdown, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.access = access;
        this.stakeholders = stakeholders;
        this.participants = participants;
        this.deals = deals;
        this.certificates = certificates;
        this.renderer = renderer;
        this.markdown = markdown;
        this.messages = messages;
        this.clock = clock;
    }

    /** A finished document and the name to save it under. */
    record PlanPdf(String fileName, byte[] bytes) {
    }

    /** The buyer's document; not found unless the email is an active buyer on the plan. */
    PlanPdf forBuyer(String email, UUID planId) {
        access.participant(email, planId);
        PlanView plan = buyerPlans.view(planId);
        List<PrintedPlan.Person> people = stakeholders.forBuyer(email, planId).stream()
                .map(PlanPdfs::person).toList();
        Locale locale = Languages.supported(plan.language()).orElse(Locale.ENGLISH);
        return print(plan, plan.dealName(), plan.milestones(), people, false, locale);
    }

    /** A seller's document: the shared part, or with {@code internal} everything; as the seller may see the plan. */
    PlanPdf forSeller(Viewer viewer, UUID planId, boolean internal, Locale locale) {
        PlanView plan = plans.get(viewer, planId);
        String account = deals.get(viewer, plan.dealId()).account();
        List<PrintedPlan.Person> people = participants.list(viewer, planId).stream()
                .filter(ParticipantView::active).map(PlanPdfs::person).toList();
        List<MilestoneView> milestones = internal ? plan.milestones() : sharedOnly(plan.milestones());
        return print(plan, account, milestones, people, internal, locale);
    }

    private PlanPdf print(PlanView plan, String account, List<MilestoneView> milestones,
            List<PrintedPlan.Person> people, boolean internal, Locale locale) {
        Certificate certificate = certificates.certificate(plan);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        List<PrintedPlan.Section> sections = plan.sections().stream()
                .map(section -> new PrintedPlan.Section(section.key(), html(section)))
                .toList();
        PrintedPlan printed = new PrintedPlan(account, plan.mutual(), plan.language(), plan.status(),
                plan.targetSignature(), plan.targetGoLive(), plannedEnd(milestones), now, internal, people, sections,
                milestones.stream().map(milestone -> milestone(milestone, zone)).toList(),
                PlanTimeline.of(milestones, LocalDate.ofInstant(now, zone), zone), certificate);
        DocumentText text = new DocumentText(messages, locale, zone);
        String name = text.t(fileNameKey(plan.mutual(), internal), account);
        return new PlanPdf(fileName(name), renderer.render(printed, text));
    }

    /**
     * The part of a plan the buyer's side sees: shared steps, and the milestones that have any (or none at all), as
     * {@link BuyerPlans} shows them.
     */
    static List<MilestoneView> sharedOnly(List<MilestoneView> milestones) {
        List<MilestoneView> shared = new ArrayList<>();
        for (MilestoneView milestone : milestones) {
            List<StepView> steps = milestone.steps().stream()
                    .filter(step -> step.visibility() == Visibility.SHARED).toList();
            if (steps.isEmpty() && !milestone.steps().isEmpty()) {
                continue;
            }
            shared.add(new MilestoneView(milestone.id(), milestone.title(), milestone.position(), steps,
                    milestone.version()));
        }
        return List.copyOf(shared);
    }

    /** The latest target of the steps still to do, or of all of them when all are finished. */
    static LocalDate plannedEnd(List<MilestoneView> milestones) {
        List<StepView> steps = milestones.stream().flatMap(milestone -> milestone.steps().stream()).toList();
        List<StepView> open = steps.stream().filter(step -> !step.status().finished()).toList();
        return (open.isEmpty() ? steps : open).stream().map(StepView::targetDate)
                .max(LocalDate::compareTo).orElse(null);
    }

    private static String fileNameKey(boolean mutual, boolean internal) {
        if (mutual) {
            return internal ? "pdf.fileNameInternal" : "pdf.fileName";
        }
        return internal ? "pdf.fileNameClosingInternal" : "pdf.fileNameClosing";
    }

    /** A name that is safe on every file system: no path or reserved characters, no control characters. */
    static String fileName(String title) {
        String clean = Normalizer.normalize(title, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]", " ")
                .replaceAll("\\s+", " ")
                .replaceAll("^[.\\s]+", "")
                .strip();
        if (clean.length() > MAX_FILE_NAME) {
            clean = clean.substring(0, MAX_FILE_NAME).strip();
        }
        return (clean.isEmpty() ? "plan" : clean) + ".pdf";
    }

    private String html(SectionView section) {
        return section.empty() ? "" : markdown.toHtml(section.content());
    }

    private static PrintedPlan.Milestone milestone(MilestoneView milestone, ZoneId zone) {
        return new PrintedPlan.Milestone(milestone.title(), milestone.steps().stream()
                .map(step -> new PrintedPlan.Step(step.title(), step.side(), step.visibility() == Visibility.INTERNAL,
                        step.owners(), step.targetDate(), step.status(),
                        step.completedAt() == null ? null : LocalDate.ofInstant(step.completedAt(), zone),
                        step.overdue()))
                .toList());
    }

    private static PrintedPlan.Person person(StakeholderView person) {
        return new PrintedPlan.Person(person.name(), person.title(), person.side(), person.buyingRole(),
                person.mainContact(), person.email());
    }

    private static PrintedPlan.Person person(ParticipantView person) {
        return new PrintedPlan.Person(person.name(), person.title(), person.side(), person.buyingRole(),
                person.mainContact(), person.mainContact() ? person.email() : null);
    }
}
