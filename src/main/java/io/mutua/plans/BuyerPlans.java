package io.mutua.plans;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers do with mutual action plans: read the shared part, and add, date, own and finish shared steps. The
 * caller (the collaboration module's access policy) has checked that the participant is on the plan and not
 * revoked; everything here works only on mutual plans and never shows or touches an internal step.
 */
@Service
@Transactional
public class BuyerPlans {

    private final PlanService plans;
    private final PlanSignatures signatures;

    BuyerPlans(PlanService plans, PlanSignatures signatures) {
        this.plans = plans;
        this.signatures = signatures;
    }

    @Transactional(readOnly = true)
    public PlanView view(UUID planId) {
        return plans.buyerView(planId);
    }

    @Transactional(readOnly = true)
    public CascadePreview preview(UUID planId, UUID participantId, UUID stepId, StepUpdate update) {
        return plans.preview(plans.buyerEdit(planId, participantId), stepId, update);
    }

    public StepChange updateStep(UUID planId, UUID participantId, UUID stepId, long expectedVersion,
            StepUpdate update, boolean cascade) {
        return plans.updateStep(plans.buyerEdit(planId, participantId), stepId, expectedVersion, update, cascade);
    }

    public StepView addStep(UUID planId, UUID participantId, NewStep request) {
        return plans.addStep(plans.buyerEdit(planId, participantId), request);
    }

    public MilestoneView addMilestone(UUID planId, UUID participantId, String title) {
        return plans.addMilestone(plans.buyerEdit(planId, participantId), title);
    }

    /** Writes a section; the caller has checked the participant is the buyer's main contact, who co-owns it. */
    public void writeSection(UUID planId, UUID participantId, SectionKey key, String content, long expectedVersion) {
        plans.writeSection(plans.buyerEdit(planId, participantId), key, content, expectedVersion);
    }

    /** Shared changes by others since {@code since} (all recent shared changes when null). */
    @Transactional(readOnly = true)
    public List<ActivityView> activity(UUID planId, UUID participantId, Instant since) {
        plans.buyerView(planId);
        return plans.buyerActivity(planId, participantId, since);
    }

    // --- signing and revisions: only shared content is ever signed or kept in a revision -------------------------

    /** Signatures, required signers, revisions and what changed since the last signature. */
    @Transactional(readOnly = true)
    public SigningState signing(UUID planId) {
        plans.buyerView(planId);
        return signatures.state(planId);
    }

    /** The participant signs; they must be one of the required buyer signers (403 otherwise). */
    public SignatureView sign(UUID planId, UUID participantId, SignatureRequest request, SignatureOrigin origin) {
        plans.buyerView(planId);
        return signatures.signAsBuyer(planId, participantId, request, origin);
    }

    @Transactional(readOnly = true)
    public SignatureCertificate certificate(UUID planId) {
        plans.buyerView(planId);
        return signatures.certificate(planId);
    }

    @Transactional(readOnly = true)
    public List<RevisionView> revisions(UUID planId) {
        plans.buyerView(planId);
        return signatures.revisionList(planId);
    }

    @Transactional(readOnly = true)
    public RevisionView revision(UUID planId, int number) {
        plans.buyerView(planId);
        return signatures.revision(planId, number);
    }

    @Transactional(readOnly = true)
    public RevisionDiff diff(UUID planId, int from, int to) {
        plans.buyerView(planId);
        return signatures.diff(planId, from, to);
    }
}
