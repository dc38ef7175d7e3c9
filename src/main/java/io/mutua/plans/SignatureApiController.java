package io.mutua.plans;

import io.mutua.identity.Viewer;
import io.mutua.playbooks.Side;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signatures and revisions of mutual action plans over JSON. Signing is as the calling user, who must be the
 * plan's required seller signer; buyers sign on their plan page. Revisions hold the shared content in its canonical
 * form (docs/signed-content.md), so anyone can recompute a signed hash.
 */
@RestController
@Tag(name = "Signatures and revisions")
class SignatureApiController {

    static final String PLAN = Paths.API + "/plans/{planId}";
    static final String SIGNATURES = PLAN + "/signatures";
    static final String REVISIONS = PLAN + "/revisions";
    static final String REVISION = REVISIONS + "/{number}";
    static final String DIFF = REVISIONS + "/{from}/diff/{to}";

    private final PlanSignatures signatures;

    SignatureApiController(PlanSignatures signatures) {
        this.signatures = signatures;
    }

    record SignatureRequestJson(
            @NotBlank(message = "{validation.required}") @Size(max = PlanSignatures.MAX_NAME, message = "{validation.size}")
            @StorableText String name,
            @NotBlank(message = "{validation.required}") @Size(max = PlanSignatures.MAX_TITLE, message = "{validation.size}")
            @StorableText String title) {
    }

    record SignatureJson(UUID id, Side side, String name, String title, Instant signedAt, String ip, String userAgent,
            int revision, String contentHash, boolean valid, SignatureStatus status, Instant outdatedAt) {

        static SignatureJson from(SignatureView signature) {
            return new SignatureJson(signature.id(), signature.side(), signature.name(), signature.title(),
                    signature.signedAt(), signature.ip(), signature.userAgent(), signature.revision(),
                    signature.contentHash(), signature.valid(), signature.status(), signature.outdatedAt());
        }
    }

    record SignerJson(UUID participantId, String name, String email, String title, Side side, boolean signed) {
    }

    /** The plan's signing: its status, the hash of its shared content now, the required signers and every signature. */
    record SignaturesJson(UUID planId, PlanStatus planStatus, String contentHash, Integer latestRevision,
            boolean resigningRequested, List<SignerJson> requiredSigners, List<SignatureJson> signatures) {

        static SignaturesJson from(SignatureCertificate certificate) {
            return new SignaturesJson(certificate.planId(), certificate.planStatus(), certificate.contentHash(),
                    certificate.latestRevision(), certificate.resigningRequested(),
                    certificate.requiredSigners().stream().map(signer -> new SignerJson(signer.participantId(),
                            signer.name(), signer.email(), signer.title(), signer.side(),
                            certificate.validSignatureOf(signer) != null)).toList(),
                    certificate.signatures().stream().map(SignatureJson::from).toList());
        }
    }

    record RevisionJson(int number, RevisionReason reason, Instant createdAt, String actor, String contentHash) {

        static RevisionJson from(RevisionView revision) {
            return new RevisionJson(revision.number(), revision.reason(), revision.createdAt(), revision.actorName(),
                    revision.contentHash());
        }
    }

    record OwnerJson(String name, String email, String role) {

        static List<OwnerJson> from(List<SharedContent.Owner> owners) {
            return owners == null ? null
                    : owners.stream().map(owner -> new OwnerJson(owner.name(), owner.email(), owner.role())).toList();
        }
    }

    record StepDiffJson(UUID id, RevisionDiff.Kind kind, String title, String milestone, Side side,
            List<OwnerJson> owners, LocalDate targetDate, String status, String titleBefore,
            List<RevisionDiff.Line> description, LocalDate dateBefore, List<OwnerJson> ownersBefore,
            String statusBefore, String milestoneBefore, Side sideBefore, boolean reordered) {

        static StepDiffJson from(RevisionDiff.StepDiff step) {
            return new StepDiffJson(step.id(), step.kind(), step.title(), step.milestone(), step.side(),
                    OwnerJson.from(step.owners()), step.targetDate(),
                    step.status() == null ? null : step.status().status(), step.titleBefore(), step.description(),
                    step.dateBefore(), OwnerJson.from(step.ownersBefore()),
                    step.statusBefore() == null ? null : step.statusBefore().status(), step.milestoneBefore(),
                    step.sideBefore(), step.reordered());
        }
    }

    record SectionDiffJson(String key, String before, String after, List<RevisionDiff.Line> lines) {
    }

    record DiffJson(int from, int to, List<RevisionDiff.DateChange> keyDates, List<SectionDiffJson> sections,
            List<RevisionDiff.MilestoneChange> milestones, List<StepDiffJson> steps) {

        static DiffJson from(int from, int to, RevisionDiff diff) {
            return new DiffJson(from, to, diff.keyDates(), diff.sections().stream()
                    .map(section -> new SectionDiffJson(CanonicalForm.key(section.key()), section.before(),
                            section.after(), section.lines()))
                    .toList(), diff.milestones(), diff.steps().stream().map(StepDiffJson::from).toList());
        }
    }

    @PostMapping(SIGNATURES)
    @Operation(summary = "Sign the plan's shared content as it is now, as the calling user, who must be its required "
            + "seller signer (403 otherwise); the name must be the caller's own (case, accents and spacing aside). "
            + "409 when the caller's signature already holds, the plan is not mutual or it is closed")
    ResponseEntity<SignatureJson> sign(Viewer viewer, @PathVariable UUID planId,
            @Valid @RequestBody SignatureRequestJson request, HttpServletRequest http) {
        SignatureView signature = signatures.sign(viewer, planId,
                new SignatureRequest(request.name(), request.title(), true), SignatureOrigin.of(http));
        return ResponseEntity.created(URI.create(Paths.API + "/plans/" + planId + "/signatures"))
                .body(SignatureJson.from(signature));
    }

    @GetMapping(SIGNATURES)
    @Operation(summary = "The plan's signing status, the hash of its shared content now, the required signers and "
            + "every signature as verified now (VALID, OUTDATED or TAMPERED)")
    SignaturesJson signatures(Viewer viewer, @PathVariable UUID planId) {
        return SignaturesJson.from(signatures.certificate(viewer, planId));
    }

    @GetMapping(REVISIONS)
    @Operation(summary = "The revisions of the plan's shared content, newest first")
    List<RevisionJson> revisions(Viewer viewer, @PathVariable UUID planId) {
        return signatures.revisions(viewer, planId).stream().map(RevisionJson::from).toList();
    }

    @PostMapping(REVISIONS)
    @Operation(summary = "Save a revision of the shared content now: 201 with the new revision, or 200 with the "
            + "latest one when nothing changed since it")
    ResponseEntity<RevisionJson> saveRevision(Viewer viewer, @PathVariable UUID planId) {
        PlanSignatures.SavedRevision saved = signatures.saveRevision(viewer, planId);
        RevisionJson json = RevisionJson.from(saved.revision());
        return saved.created()
                ? ResponseEntity.created(URI.create(Paths.API + "/plans/" + planId + "/revisions/" + json.number()))
                        .body(json)
                : ResponseEntity.ok(json);
    }

    @GetMapping(path = REVISION, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A revision's shared content in its canonical form, byte for byte as hashed: its SHA-256 is "
            + "the revision's contentHash")
    ResponseEntity<String> revision(Viewer viewer, @PathVariable UUID planId, @PathVariable int number) {
        RevisionView revision = signatures.revision(viewer, planId, number);
        return ResponseEntity.ok().eTag(revision.contentHash())
                .body(signatures.revisionContent(viewer, planId, number));
    }

    @GetMapping(DIFF)
    @Operation(summary = "What changed between two revisions: key dates, sections (line by line), milestones, and "
            + "steps added, removed or changed (date, owners, status, title, description)")
    DiffJson diff(Viewer viewer, @PathVariable UUID planId, @PathVariable int from, @PathVariable int to) {
        return DiffJson.from(from, to, signatures.diff(viewer, planId, from, to));
    }
}
