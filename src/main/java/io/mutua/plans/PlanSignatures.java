package io.mutua.plans;

import io.mutua.deals.DealId;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.Side;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing mutual action plans, and their revisions. A required signer signs the shared content as it is now by
 * typing their name and title and confirming; the signature binds the SHA-256 of the content's canonical form and
 * the revision taken for it. Once every required signer of both sides holds a valid signature the plan is SIGNED; a
 * later change of the shared content outdates the signatures (see {@link SignatureWatch}) and asks for them again.
 * Sellers come through the methods taking a {@link Viewer}; buyers through {@link BuyerPlans}.
 */
@Service
@Transactional
public class PlanSignatures {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 200;

    private final PlanService plans;
    private final PlanRepository planRows;
    private final PlanRevisions revisions;
    private final Signatures signatures;
    private final PlanSigners signers;
    private final ActivityLog activity;
    private final Users users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PlanSignatures(PlanService plans, PlanRepository planRows, PlanRevisions revisions, Signatures signatures,
            PlanSigners signers, ActivityLog activity, Users users, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.plans = plans;
        this.planRows = planRows;
        this.revisions = revisions;
        this.signatures = signatures;
        this.signers = signers;
        this.activity = activity;
        this.users = users;
        this.clock = clock;
    }

    /** A revision saved on demand, or the latest one when nothing changed since ({@code created} false). */
    public record SavedRevision(RevisionView revision, boolean created) {
    }

    // --- sellers ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SigningState state(Viewer viewer, UUID planId) {
        mutualPlan(viewer, planId);
        return state(planId);
    }

    /**
     * The signatures of a plan for a certificate (a PDF's last page, the API): no access check, the caller has made
     * it. Only shared content is ever signed, so this is fit for buyers too.
     */
    @Transactional(readOnly = true)
    public SignatureCertificate certificate(UUID planId) {
        requireMutual(planId);
        return certificate(planId, revisions.current(planId));
    }

    @Transactional(readOnly = true)
    public SignatureCertificate certificate(Viewer viewer, UUID planId) {
        mutualPlan(viewer, planId);
        return certificate(planId, revisions.current(planId));
    }

    /** The seller signer signs, as the signed-in user. */
    public SignatureView sign(Viewer viewer, UUID planId, SignatureRequest request, SignatureOrigin origin) {
        mutualPlan(viewer, planId);
        return sign(planId, Actor.seller(viewer.userId()), request, origin);
    }

    /** Chooses who signs: one seller on the plan and at least one buyer; for sellers who may change the plan. */
    public void chooseSigners(Viewer viewer, UUID planId, UUID seller, Set<UUID> buyers, long expectedVersion) {
        PlanView plan = mutualPlan(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        revisions.lock(planId);
        Instant now = clock.instant();
        signers.choose(planId, seller, buyers, expectedVersion, viewer.userId(), now);
        activity.record(planId, null, Actor.seller(viewer.userId()), PlanChange.SIGNERS, null, null, null, now, false);
        settle(planId, revisions.current(planId));
    }

    /** "Save a revision": a snapshot of the shared content now, unless it is the same as the latest revision. */
    public SavedRevision saveRevision(Viewer viewer, UUID planId) {
        PlanView plan = mutualPlan(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        Actor actor = Actor.seller(viewer.userId());
        PlanRevisions.Saved saved = revisions.save(planId, RevisionReason.ON_DEMAND, actor);
        if (saved.created()) {
            activity.record(planId, null, actor, PlanChange.REVISION_SAVED, String.valueOf(saved.number()), null,
                    null, clock.instant(), false);
        }
        return new SavedRevision(revision(planId, saved.number()), saved.created());
    }

    @Transactional(readOnly = true)
    public List<RevisionView> revisions(Viewer viewer, UUID planId) {
        mutualPlan(viewer, planId);
        return revisions.list(planId);
    }

    @Transactional(readOnly = true)
    public RevisionView revision(Viewer viewer, UUID planId, int number) {
        mutualPlan(viewer, planId);
        return revision(planId, number);
    }

    /** The canonical JSON of a revision, exactly as hashed. */
    @Transactional(readOnly = true)
    public String revisionContent(Viewer viewer, UUID planId, int number) {
        mutualPlan(viewer, planId);
        return revisions.snapshot(planId, number)
                .orElseThrow(() -> new NotFoundException("signatures.revisionNotFound")).canonical();
    }

    @Transactional(readOnly = true)
    public RevisionDiff diff(Viewer viewer, UUID planId, int from, int to) {
        mutualPlan(viewer, planId);
        return diff(planId, from, to);
    }

    // --- for buyers (through BuyerPlans) and this module -------------------------------------------------------

    SigningState state(UUID planId) {
        Snapshot current = revisions.current(planId);
        SignatureCertificate certificate = certificate(planId, current);
        Integer lastSigned = certificate.signatures().isEmpty() ? null
                : certificate.signatures().get(certificate.signatures().size() - 1).revision();
        RevisionDiff since = null;
        if (lastSigned != null) {
            Snapshot signed = revisions.snapshot(planId, lastSigned).orElse(null);
            if (signed != null && signed.readable() && !signed.hash().equals(current.hash())) {
                since = RevisionDiff.between(signed.content(), signed.progress(), current.content(),
                        current.progress());
            }
        }
        PlanSigners.Required required = signers.required(planId);
        boolean open = planRows.findById(planId).map(plan -> plan.status() != PlanStatus.CLOSED).orElse(false);
        return new SigningState(certificate, revisions.list(planId), lastSigned, since, required.sellers(),
                required.buyers(), required.version(), open);
    }

    /** A buyer participant signs; they must be a required buyer signer. The caller has checked their access. */
    SignatureView signAsBuyer(UUID planId, UUID participantId, SignatureRequest request, SignatureOrigin origin) {
        requireMutual(planId);
        return sign(planId, Actor.buyer(participantId), request, origin);
    }

    RevisionDiff diff(UUID planId, int from, int to) {
        Snapshot before = stored(planId, from);
        Snapshot after = stored(planId, to);
        return RevisionDiff.between(before.content(), before.progress(), after.content(), after.progress());
    }

    List<RevisionView> revisionList(UUID planId) {
        return revisions.list(planId);
    }

    RevisionView revision(UUID planId, int number) {
        return revisions.list(planId).stream().filter(revision -> revision.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("signatures.revisionNotFound"));
    }

    /**
     * Outdates the signatures in force whose content no longer matches, after a change of the shared content, and
     * says so in the activity log; then settles the plan's status. Called before the change commits.
     */
    void contentChanged(UUID planId) {
        if (!signatures.anyInForce(planId)) {
            return;
        }
        revisions.lock(planId);
        Snapshot current = revisions.current(planId);
        Instant now = clock.instant();
        int outdated = 0;
        for (Signatures.Row row : signatures.of(planId)) {
            if (!row.outdated() && !row.contentHash().equals(current.hash())) {
                signatures.outdate(row.id(), now);
                outdated++;
            }
        }
        if (outdated > 0) {
            activity.record(planId, null, Actor.system(), PlanChange.SIGNATURES_OUTDATED, null, null, null, now,
                    false);
        }
        settle(planId, current);
    }

    /** The required signers changed (someone's access ended, another main contact): the status may change. */
    void signersChanged(UUID planId) {
        if (signatures.anyInForce(planId)) {
            revisions.lock(planId);
            settle(planId, revisions.current(planId));
        }
    }

    // --- how it works ------------------------------------------------------------------------------------------

    private SignatureView sign(UUID planId, Actor actor, SignatureRequest request, SignatureOrigin origin) {
        revisions.lock(planId);
        Plan plan = planRows.findById(planId).orElseThrow(() -> new NotFoundException("plans.notFound"));
        plan.requireOpen();
        PlanSigners.Required required = signers.required(planId);
        SignerView signer = (actor.isBuyer() ? required.byParticipant(actor.participantId())
                .filter(found -> found.side() == Side.BUYER)
                : required.sellerUser(actor.userId()))
                .orElseThrow(() -> new ForbiddenException(actor.isBuyer() ? "signatures.notABuyerSigner"
                        : "signatures.notTheSellerSigner"));
        Snapshot current = revisions.current(planId);
        for (SignatureView existing : verify(planId, current)) {
            if (signer.participantId().equals(existing.participantId()) && existing.outdatedAt() == null) {
                if (existing.valid()) {
                    throw new ConflictException("signatures.alreadySigned");
                }
                signatures.outdate(existing.id(), clock.instant());
            }
        }
        String name = requireText("name", request.name(), MAX_NAME);
        String title = requireText("title", request.title(), MAX_TITLE);
        if (!expectedNames(signer).stream().anyMatch(expected -> SignerName.matches(name, expected))) {
            throw new InvalidInputException("name", "signatures.nameMismatch", signer.name());
        }
        if (!request.confirmed()) {
            throw new InvalidInputException("confirm", "signatures.confirmRequired");
        }
        PlanRevisions.Saved revision = revisions.save(planId, RevisionReason.SIGNATURE, actor);
        Instant now = clock.instant();
        Signatures.Row row = new Signatures.Row(UUID.randomUUID(), signer.participantId(), signer.userId(),
                signer.side(), name, title, now, origin.ip(), origin.userAgent(), revision.number(),
                revision.snapshot().hash(), null);
        signatures.insert(planId, row);
        activity.record(planId, null, actor, PlanChange.SIGNED, name, null, null, now, false);
        settle(planId, revision.snapshot());
        return verify(planId, revision.snapshot()).stream().filter(found -> found.id().equals(row.id())).findFirst()
                .orElseThrow();
    }

    /** SIGNED when every required signer of both sides holds a valid signature; otherwise no longer SIGNED. */
    private void settle(UUID planId, Snapshot current) {
        Plan plan = planRows.findById(planId).orElseThrow();
        if (plan.status() == PlanStatus.CLOSED || !plan.mutual()) {
            return;
        }
        PlanSigners.Required required = signers.required(planId);
        List<SignatureView> verified = verify(planId, current);
        boolean all = required.complete() && required.signers().stream().allMatch(signer -> verified.stream()
                .anyMatch(signature -> signer.participantId().equals(signature.participantId())
                        && signature.valid()));
        if (all && plan.status() != PlanStatus.SIGNED) {
            Instant now = clock.instant();
            plan.markSigned(now);
            planRows.save(plan);
            events.publishEvent(new PlanSigned(plan.id(), new DealId(plan.dealId()), now));
        } else if (!all && plan.status() == PlanStatus.SIGNED) {
            plan.reopenForSigning(clock.instant());
            planRows.save(plan);
        }
    }

    private SignatureCertificate certificate(UUID planId, Snapshot current) {
        Plan plan = planRows.findById(planId).orElseThrow(() -> new NotFoundException("plans.notFound"));
        List<SignatureView> verified = verify(planId, current);
        List<RevisionView> all = revisions.list(planId);
        boolean resigning = plan.status() != PlanStatus.SIGNED && plan.status() != PlanStatus.CLOSED
                && verified.stream().anyMatch(signature -> signature.status() == SignatureStatus.OUTDATED);
        return new SignatureCertificate(planId, plan.status(), current.hash(),
                all.isEmpty() ? null : all.get(0).number(), resigning, signers.required(planId).signers(), verified);
    }

    /**
     * Every signature of the plan, verified: the stored revision it points at must still hash to the signed hash
     * (else TAMPERED); one Mutua marked outdated is OUTDATED; one whose hash is the current content's is VALID. Any
     * other differs from the content now: OUTDATED when the activity log records a shared change since it was
     * signed, or when only people's names or emails differ (they change on their profiles), else TAMPERED.
     */
    private List<SignatureView> verify(UUID planId, Snapshot current) {
        Map<Integer, Optional<Snapshot>> stored = new HashMap<>();
        List<SignatureView> verified = new ArrayList<>();
        for (Signatures.Row row : signatures.of(planId)) {
            Optional<Snapshot> signed = stored.computeIfAbsent(row.revision(),
                    number -> revisions.snapshot(planId, number));
            SignatureStatus status;
            if (signed.isEmpty() || !signed.get().readable() || !signed.get().hash().equals(row.contentHash())) {
                status = SignatureStatus.TAMPERED;
            } else if (row.outdated()) {
                status = SignatureStatus.OUTDATED;
            } else if (current.hash().equals(row.contentHash())) {
                status = SignatureStatus.VALID;
            } else if (signatures.sharedChangeSince(planId, row.signedAt())
                    || signed.get().content().withoutPeople().equals(current.content().withoutPeople())) {
                status = SignatureStatus.OUTDATED;
            } else {
                status = SignatureStatus.TAMPERED;
            }
            verified.add(new SignatureView(row.id(), row.side(), row.participantId(), row.typedName(), row.title(),
                    row.signedAt(), row.ip(), row.userAgent(), row.revision(), row.contentHash(), status,
                    row.outdatedAt()));
        }
        return List.copyOf(verified);
    }

    /** The signer's name on the plan and, for a seller, their name now (they may have changed it since). */
    private List<String> expectedNames(SignerView signer) {
        List<String> names = new ArrayList<>(List.of(signer.name()));
        if (signer.userId() != null) {
            users.find(signer.userId()).map(UserSummary::name).ifPresent(names::add);
        }
        return names;
    }

    private Snapshot stored(UUID planId, int number) {
        Snapshot snapshot = revisions.snapshot(planId, number)
                .orElseThrow(() -> new NotFoundException("signatures.revisionNotFound"));
        if (!snapshot.readable()) {
            throw new ConflictException("signatures.revisionUnreadable");
        }
        return snapshot;
    }

    private PlanView mutualPlan(Viewer viewer, UUID planId) {
        PlanView plan = plans.get(viewer, planId);
        if (!plan.mutual()) {
            throw new ConflictException("plans.notMutual");
        }
        return plan;
    }

    private void requireMutual(UUID planId) {
        planRows.findById(planId).filter(Plan::mutual).orElseThrow(() -> new NotFoundException("plans.notFound"));
    }

    private static String requireText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "validation.maxLength", max);
        }
        return trimmed;
    }
}
