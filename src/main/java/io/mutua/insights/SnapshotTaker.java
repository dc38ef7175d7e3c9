package io.mutua.insights;

import io.mutua.collaboration.BuyerEngagement;
import io.mutua.collaboration.CommentView;
import io.mutua.collaboration.Comments;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealClosed;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.Role;
import io.mutua.identity.Viewer;
import io.mutua.insights.SnapshotContent.DealPart;
import io.mutua.insights.SnapshotContent.EngagementPart;
import io.mutua.insights.SnapshotContent.MilestonePart;
import io.mutua.insights.SnapshotContent.OwnerPart;
import io.mutua.insights.SnapshotContent.ParticipantPart;
import io.mutua.insights.SnapshotContent.PlanPart;
import io.mutua.insights.SnapshotContent.SignaturePart;
import io.mutua.insights.SnapshotContent.StageChangePart;
import io.mutua.insights.SnapshotContent.StepPart;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanSignatures;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.SignatureCertificate;
import io.mutua.plans.StepView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes down a deal and its plan when the deal closes. It reads through the other modules' seller services as an
 * administrator would (this is system work; nothing it reads is shown to anyone but sellers who may see the deal).
 */
@Component
class SnapshotTaker {

    private final DealService deals;
    private final PlanService plans;
    private final PlanSignatures signatures;
    private final Participants participants;
    private final Comments comments;
    private final BuyerEngagement engagement;
    private final Holidays holidays;
    private final SnapshotStore store;
    private final Clock clock;

    SnapshotTaker(DealService deals, PlanService plans, PlanSignatures signatures, Participants participants,
            Comments comments, BuyerEngagement engagement, Holidays holidays, SnapshotStore store, Clock clock) {
        this.deals = deals;
        this.plans = plans;
        this.signatures = signatures;
        this.participants = participants;
        this.comments = comments;
        this.engagement = engagement;
        this.holidays = holidays;
        this.store = store;
        this.clock = clock;
    }

    /** A redelivered event finds the first snapshot in place and leaves it. */
    @ApplicationModuleListener
    void on(DealClosed event) {
        if (store.exists(event.dealId())) {
            return;
        }
        store.insertIfMissing(take(event.dealId()));
    }

    DealSnapshot take(DealId dealId) {
        DealView found = deals.facts(dealId).map(facts -> deals.get(system(facts.ownerId()), dealId)).orElseThrow();
        Viewer viewer = system(found.ownerId());
        LocalDate closeDay = LocalDate.ofInstant(found.closedAt(), clock.getZone());
        Optional<PlanView> plan = plans.findForDeal(viewer, dealId);
        SignatureCertificate certificate = plan.filter(PlanView::mutual)
                .map(mutual -> signatures.certificate(mutual.id())).orElse(null);
        List<ParticipantView> people = plan.map(p -> participants.list(viewer, p.id())).orElse(List.of());
        List<CommentView> said = plan.map(p -> comments.forSeller(viewer, p.id())).orElse(List.of());
        SnapshotContent content = new SnapshotContent(SnapshotContent.SCHEMA, deal(viewer, found),
                plan.map(p -> plan(p, certificate, closeDay)).orElse(null), signatures(certificate),
                people.stream().map(SnapshotTaker::participant).toList(),
                plan.map(p -> engagement(p, people, said)).orElse(null));
        return new DealSnapshot(dealId, plan.map(PlanView::id).orElse(null),
                io.mutua.deals.Outcome.valueOf(found.status().name()), clock.instant(), content);
    }

    private DealPart deal(Viewer viewer, DealView deal) {
        List<StageChangePart> stages = deals.history(viewer, deal.id()).stream()
                .map(change -> new StageChangePart(change.fromStage(), change.toStage(), change.toStageName(),
                        change.changedAt()))
                .toList();
        return new DealPart(deal.id().toString(), deal.name(), deal.account(), deal.amount(), deal.currency(),
                deal.segment(), deal.ownerName(), deal.createdAt(), deal.closedAt(), deal.status().name(),
                deal.closeReasonLabel(), deal.closeReason(), deal.competitor(), stages);
    }

    private PlanPart plan(PlanView plan, SignatureCertificate certificate, LocalDate closeDay) {
        BusinessCalendar calendar = holidays.calendar();
        List<MilestonePart> milestones = plan.milestones().stream()
                .map(milestone -> new MilestonePart(milestone.title(), milestone.steps().stream()
                        .map(step -> step(step, milestone.title(), calendar, closeDay))
                        .toList()))
                .toList();
        return new PlanPart(plan.id().toString(), plan.kind().name(), statusBeforeClose(plan, certificate),
                plan.playbookName(), plan.playbookVersion(), plan.generatedAt(), plan.convertedAt(),
                plan.expectedClose(), plan.plannedEnd(), plan.targetSignature(), plan.targetGoLive(), milestones);
    }

    private StepPart step(StepView step, String milestone, BusinessCalendar calendar, LocalDate closeDay) {
        LocalDate completed = step.completedAt() == null ? null
                : LocalDate.ofInstant(step.completedAt(), clock.getZone());
        LocalDate end = completed == null ? closeDay : completed;
        int slip = step.baselineDate() == null ? 0 : calendar.businessDaysBetween(step.baselineDate(), end);
        List<OwnerPart> owners = step.owners().stream()
                .map(owner -> new OwnerPart(owner.name(), owner.side(), owner.role()))
                .toList();
        return new StepPart(step.key(), step.title(), milestone, step.side() == null ? null : step.side().name(),
                step.visibility().name(), owners, step.baselineDate(), step.targetDate(), completed,
                step.status().name(), slip, step.estimateSource() == null ? null : step.estimateSource().name());
    }

    /**
     * The plan's status just before the deal closed. Closing the deal also closes the plan (another listener of
     * the same event, in any order); a closed mutual plan that every required signer had signed was SIGNED.
     */
    private static String statusBeforeClose(PlanView plan, SignatureCertificate certificate) {
        if (plan.status() != PlanStatus.CLOSED) {
            return plan.status().name();
        }
        boolean signed = certificate != null && !certificate.requiredSigners().isEmpty()
                && certificate.requiredSigners().stream()
                        .allMatch(signer -> certificate.validSignatureOf(signer) != null);
        return signed ? PlanStatus.SIGNED.name() : PlanStatus.ACTIVE.name();
    }

    private static List<SignaturePart> signatures(SignatureCertificate certificate) {
        if (certificate == null) {
            return List.of();
        }
        return certificate.signatures().stream()
                .map(signature -> new SignaturePart(signature.side().name(), signature.name(), signature.title(),
                        signature.signedAt(), signature.revision(), signature.status().name()))
                .toList();
    }

    private static ParticipantPart participant(ParticipantView person) {
        return new ParticipantPart(person.side(), person.name(), person.title(),
                person.buyingRole() == null ? null : person.buyingRole().name(), person.mainContact(),
                person.invitedAt(), person.lastSeen(), person.visits(), !person.active());
    }

    private EngagementPart engagement(PlanView plan, List<ParticipantView> people, List<CommentView> said) {
        int buyerVisits = people.stream().filter(ParticipantView::buyer).mapToInt(ParticipantView::visits).sum();
        int buyerComments = (int) said.stream().filter(comment -> "BUYER".equals(comment.authorSide())).count();
        return new EngagementPart(buyerVisits, buyerComments, said.size() - buyerComments,
                engagement.buyerChanges(plan.id()),
                engagement.lastBuyerActivity(List.of(plan.id())).get(plan.id()));
    }

    /** Reads as an administrator would, on behalf of the deal's owner. */
    private static Viewer system(java.util.UUID ownerId) {
        return new Viewer(ownerId, null, Role.ADMIN, null);
    }
}
