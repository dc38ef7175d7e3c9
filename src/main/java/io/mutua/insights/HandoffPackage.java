package io.mutua.insights;

import io.mutua.collaboration.AttachmentView;
import io.mutua.collaboration.ParticipantView;
import io.mutua.deals.DealView;
import io.mutua.deals.QualificationItem;
import io.mutua.plans.SectionView;
import io.mutua.plans.SignatureCertificate;
import io.mutua.plans.StepView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything customer success needs from a won deal, for sellers and CS only: the deal, what the buyer wants
 * (the mutual plan's sections, Markdown), the people of both sides, the commitments made (open shared steps) and
 * what was done, the signatures and documents, and the internal part — the account executive's notes, the
 * qualification and the internal steps still open. {@code salesPlanId} is null when the deal had no plan.
 */
public record HandoffPackage(UUID id, DealView deal, Instant createdAt, List<String> recipients, UUID salesPlanId,
        List<SectionView> sections, List<ParticipantView> stakeholders, List<StepView> commitments,
        List<StepView> done, List<StepView> internalSteps, SignatureCertificate signatures,
        List<AttachmentView> documents, String notes, Instant notesUpdatedAt, List<QualificationItem> qualification,
        UUID onboardingPlanId, long version) {

    public boolean onboardingStarted() {
        return onboardingPlanId != null;
    }
}
