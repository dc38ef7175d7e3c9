package io.mutua.insights;

import io.mutua.collaboration.AttachmentView;
import io.mutua.collaboration.ParticipantView;
import io.mutua.deals.DealId;
import io.mutua.deals.DealView;
import io.mutua.deals.QualificationItem;
import io.mutua.identity.Viewer;
import io.mutua.plans.OwnerView;
import io.mutua.plans.SignatureView;
import io.mutua.plans.StepView;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The handoff of a won deal as JSON (the same path answers {@code Accept: application/pdf} with the PDF). */
@RestController
@Tag(name = "Handoffs")
class HandoffApiController {

    static final String PATH = Paths.API + "/deals/{id}/handoff";

    private final Handoffs handoffs;

    HandoffApiController(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    record HandoffJson(UUID id, DealJson deal, Instant createdAt, List<String> recipients, UUID planId,
            List<SectionJson> sections, List<StakeholderJson> stakeholders, List<StepJson> commitments,
            List<StepJson> done, List<StepJson> internalSteps, List<SignatureJson> signatures, boolean signed,
            List<DocumentJson> documents, String notes, Instant notesUpdatedAt,
            List<QualificationJson> qualification, UUID onboardingPlanId, long version) {

        static HandoffJson from(HandoffPackage handoff) {
            UUID planId = handoff.salesPlanId();
            return new HandoffJson(handoff.id(), DealJson.from(handoff.deal()), handoff.createdAt(),
                    handoff.recipients(), planId,
                    handoff.sections().stream().map(section -> new SectionJson(section.key().name(),
                            section.content())).toList(),
                    handoff.stakeholders().stream().map(StakeholderJson::from).toList(),
                    handoff.commitments().stream().map(StepJson::from).toList(),
                    handoff.done().stream().map(StepJson::from).toList(),
                    handoff.internalSteps().stream().map(StepJson::from).toList(),
                    handoff.signatures() == null ? List.of()
                            : handoff.signatures().signatures().stream().map(SignatureJson::from).toList(),
                    handoff.signatures() != null && handoff.signatures().signed(),
                    handoff.documents().stream().map(document -> DocumentJson.from(planId, document)).toList(),
                    handoff.notes(), handoff.notesUpdatedAt(),
                    handoff.qualification().stream().map(QualificationJson::from).toList(),
                    handoff.onboardingPlanId(), handoff.version());
        }
    }

    record DealJson(String id, String name, String account, BigDecimal amount, String currency, LocalDate closeDate,
            String accountExecutive, String accountExecutiveEmail) {

        static DealJson from(DealView deal) {
            LocalDate closed = deal.closedAt() == null ? deal.expectedCloseDate()
                    : LocalDate.ofInstant(deal.closedAt(), java.time.ZoneOffset.UTC);
            return new DealJson(deal.id().toString(), deal.name(), deal.account(), deal.amount(), deal.currency(),
                    closed, deal.ownerName(), deal.ownerEmail());
        }
    }

    record SectionJson(String key, String markdown) {
    }

    record StakeholderJson(String side, String name, String title, String buyingRole, boolean mainContact,
            String email) {

        static StakeholderJson from(ParticipantView participant) {
            return new StakeholderJson(participant.side(), participant.name(), participant.title(),
                    participant.buyingRole() == null ? null : participant.buyingRole().name(),
                    participant.mainContact(), participant.email());
        }
    }

    record StepJson(UUID id, String title, String status, LocalDate targetDate, Instant completedAt,
            List<String> owners) {

        static StepJson from(StepView step) {
            return new StepJson(step.id(), step.title(), step.status().name(), step.targetDate(), step.completedAt(),
                    step.owners().stream().map(HandoffApiController::ownerName).toList());
        }
    }

    record SignatureJson(String side, String name, Instant signedAt, int revision, String status) {

        static SignatureJson from(SignatureView signature) {
            return new SignatureJson(signature.side().name(), signature.name(), signature.signedAt(),
                    signature.revision(), signature.status().name());
        }
    }

    record DocumentJson(UUID id, String fileName, String contentType, long sizeBytes, String downloadPath) {

        static DocumentJson from(UUID planId, AttachmentView document) {
            return new DocumentJson(document.id(), document.fileName(), document.contentType(),
                    document.sizeBytes(), "/plans/" + planId + "/attachments/" + document.id());
        }
    }

    record QualificationJson(String element, String status, String notes) {

        static QualificationJson from(QualificationItem item) {
            return new QualificationJson(item.element().name(), item.status().name(), item.notes());
        }
    }

    /**
     * JSON unless the client asks for a PDF: {@code *}{@code /*} is listed so that a client accepting anything gets
     * this answer rather than an ambiguous match with the PDF handler of the same path.
     */
    @GetMapping(value = PATH, produces = {"application/json", "*/*"})
    HandoffJson get(Viewer viewer, @PathVariable UUID id) {
        return HandoffJson.from(handoffs.forDeal(viewer, new DealId(id)));
    }

    private static String ownerName(OwnerView owner) {
        return owner.name() != null ? owner.name() : owner.role();
    }
}
