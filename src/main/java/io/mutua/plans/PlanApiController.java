package io.mutua.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mutua.deals.DealId;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.IfMatch;
import io.mutua.web.InvalidInputException;
import io.mutua.web.MergePatch;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The closing plan of a deal over JSON: read it, generate it by hand, change a step (with the slip cascade) and
 * add steps; convert it into a mutual action plan and write that plan's details and sections. Who may read or
 * change a plan is decided by {@link PlanService}, exactly as for the deal.
 */
@RestController
@Tag(name = "Plans")
class PlanApiController {

    static final String DEAL_PLAN = Paths.API + "/deals/{id}/plan";
    static final String PLAN = Paths.API + "/plans/{planId}";
    static final String STEPS = PLAN + "/steps";
    static final String STEP = STEPS + "/{stepId}";
    static final String CONVERT = PLAN + "/convert";
    static final String DETAILS = PLAN + "/details";
    static final String SECTION = PLAN + "/sections/{key}";

    private final PlanService plans;
    private final Users users;
    private final ParticipantDirectory participants;
    private final MergePatch mergePatch;

    PlanApiController(PlanService plans, Users users, ParticipantDirectory participants, MergePatch mergePatch) {
        this.plans = plans;
        this.users = users;
        this.participants = participants;
        this.mergePatch = mergePatch;
    }

    enum OwnerType {
        USER, ROLE
    }

    /** A step owner: a seller by email (the name is only shown), or a role placeholder such as CHAMPION. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OwnerJson(@NotNull(message = "{validation.required}") OwnerType type,
            @Size(max = 254, message = "{validation.size}") @StorableText String email,
            @Size(max = 100, message = "{validation.size}") @StorableText String name,
            @Size(max = 40, message = "{validation.size}") @StorableText String role) {

        static OwnerJson from(OwnerView owner) {
            return owner.person()
                    ? new OwnerJson(OwnerType.USER, owner.email(), owner.name(), null)
                    : new OwnerJson(OwnerType.ROLE, null, null, owner.role());
        }
    }

    record StepJson(UUID id, String key, String title, String description, Side side, Visibility visibility,
            StepStatus status, List<OwnerJson> owners, LocalDate targetDate, LocalDate baselineDate,
            Instant completedAt, List<UUID> dependsOn, EstimateSource estimateSource, int estimateSamples,
            int durationDays, Integer slack, boolean pinned, boolean overdue, long version) {

        static StepJson from(StepView step) {
            return new StepJson(step.id(), step.key(), step.title(), step.description(), step.side(),
                    step.visibility(), step.status(), step.owners().stream().map(OwnerJson::from).toList(),
                    step.targetDate(), step.baselineDate(), step.completedAt(), step.dependsOn(),
                    step.estimateSource(), step.estimateSamples(), step.durationDays(), step.slack(), step.pinned(),
                    step.overdue(), step.version());
        }
    }

    record MilestoneJson(UUID id, String title, int position, List<StepJson> steps) {

        static MilestoneJson from(MilestoneView milestone) {
            return new MilestoneJson(milestone.id(), milestone.title(), milestone.position(),
                    milestone.steps().stream().map(StepJson::from).toList());
        }
    }

    /** A buyer-facing section of a mutual action plan; version 0 while nobody wrote it. */
    record SectionJson(String key, String markdown, long version, Instant updatedAt) {

        static SectionJson from(SectionView section) {
            return new SectionJson(PlanApiController.key(section.key()), section.content(), section.version(), section.updatedAt());
        }
    }

    /** Someone on the plan; {@code status} is ADDED, INVITED or REVOKED. */
    record ParticipantJson(UUID id, String name, String email, String title, String side, String buyingRole,
            boolean mainContact, String status) {

        static ParticipantJson from(ParticipantDirectory.PlanParticipant participant) {
            return new ParticipantJson(participant.id(), participant.name(), participant.email(),
                    participant.title(), participant.side(), participant.buyingRole(), participant.mainContact(),
                    participant.status());
        }
    }

    /**
     * The plan. Sections are those of a mutual action plan (empty for a closing plan); {@code conversionOverride}
     * is the reason a manager gave for converting before the deal was qualified.
     */
    record PlanJson(UUID id, UUID dealId, PlanKind kind, PlanStatus status, long version, LocalDate plannedEnd,
            boolean feasible, int businessDaysOver, String language, LocalDate targetSignature,
            LocalDate targetGoLive, String allowedDomains, Instant convertedAt, String conversionOverride,
            List<SectionJson> sections, List<ParticipantJson> participants, List<MilestoneJson> milestones) {

        static PlanJson from(PlanView plan, List<ParticipantDirectory.PlanParticipant> participants) {
            return new PlanJson(plan.id(), plan.dealId().value(), plan.kind(), plan.status(), plan.version(),
                    plan.plannedEnd(), plan.feasible(), plan.businessDaysOver(), plan.language(),
                    plan.targetSignature(), plan.targetGoLive(), plan.allowedDomains(), plan.convertedAt(),
                    plan.conversionOverride(), plan.sections().stream().map(SectionJson::from).toList(),
                    participants.stream().map(ParticipantJson::from).toList(),
                    plan.milestones().stream().map(MilestoneJson::from).toList());
        }
    }

    /** Why a manager converts before the required qualification is confirmed; leave it out otherwise. */
    record ConvertRequest(@Size(max = PlanService.MAX_OVERRIDE, message = "{validation.size}") @StorableText
            String overrideReason) {
    }

    /** The plan's details, replaced as a whole: what is left out is cleared (the language is required). */
    record DetailsJson(
            @NotBlank(message = "{validation.required}") @Size(max = 5, message = "{validation.size}") String language,
            LocalDate targetSignature,
            LocalDate targetGoLive,
            @Size(max = PlanService.MAX_DOMAINS, message = "{validation.size}") @StorableText String allowedDomains) {
    }

    record SectionText(@NotNull(message = "{validation.required}")
            @Size(max = PlanSections.MAX_CONTENT, message = "{validation.size}") @StorableText String markdown) {
    }

    /** The fields of a step a merge patch may change; the current step is the base the patch applies to. */
    record StepFields(
            @NotBlank(message = "{validation.required}") @Size(max = PlanService.MAX_TITLE, message = "{validation.size}")
            @StorableText String title,
            @Size(max = PlanService.MAX_DESCRIPTION, message = "{validation.size}") @StorableText String description,
            @NotNull(message = "{validation.required}") StepStatus status,
            @NotNull(message = "{validation.required}") LocalDate targetDate,
            @NotEmpty(message = "{validation.required}") @Size(max = PlanService.MAX_OWNERS, message = "{validation.size}")
            List<@Valid @NotNull(message = "{validation.required}") OwnerJson> owners,
            @NotNull(message = "{validation.required}") Boolean pinned) {

        static StepFields from(StepView step) {
            return new StepFields(step.title(), step.description(), step.status(), step.targetDate(),
                    step.owners().stream().map(OwnerJson::from).toList(), step.pinned());
        }
    }

    record StepResult(StepJson step, List<StepJson> moved, LocalDate plannedEnd) {
    }

    /** A step added by hand; without a target date it is scheduled after its dependencies. */
    record NewStepJson(
            @NotNull(message = "{validation.required}") UUID milestoneId,
            @NotBlank(message = "{validation.required}") @Size(max = PlanService.MAX_TITLE, message = "{validation.size}")
            @StorableText String title,
            @Size(max = PlanService.MAX_DESCRIPTION, message = "{validation.size}") @StorableText String description,
            @NotNull(message = "{validation.required}") Side side,
            Visibility visibility,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.durationDays}")
            @Max(value = PlanService.MAX_DAYS, message = "{validation.durationDays}") Integer durationDays,
            LocalDate targetDate,
            @Size(max = 100, message = "{validation.size}") List<@NotNull(message = "{validation.required}") UUID> dependsOn,
            @Size(max = PlanService.MAX_OWNERS, message = "{validation.size}")
            List<@Valid @NotNull(message = "{validation.required}") OwnerJson> owners) {
    }

    @GetMapping(DEAL_PLAN)
    @Operation(summary = "The deal's closing plan; 404 while it has none")
    ResponseEntity<PlanJson> forDeal(Viewer viewer, @PathVariable UUID id) {
        return plans.findForDeal(viewer, new DealId(id)).map(this::withETag)
                .orElseThrow(() -> new NotFoundException("plans.notFound"));
    }

    @PostMapping(DEAL_PLAN)
    @Operation(summary = "Generate the deal's closing plan from its playbook by hand; 409 when it has one")
    ResponseEntity<PlanJson> generate(Viewer viewer, @PathVariable UUID id) {
        PlanView plan = plans.generate(viewer, new DealId(id));
        return ResponseEntity.created(URI.create(Paths.API + "/deals/" + id + "/plan"))
                .eTag(Long.toString(plan.version())).body(json(plan));
    }

    @GetMapping(PLAN)
    @Operation(summary = "A plan by its id; the ETag is the plan's version, for If-Match on plan-level changes")
    ResponseEntity<PlanJson> get(Viewer viewer, @PathVariable UUID planId) {
        return withETag(plans.get(viewer, planId));
    }

    @PostMapping(CONVERT)
    @Operation(summary = "Make the closing plan a mutual action plan, shared with the buyer. Requires If-Match with "
            + "the plan's version (428 without, 412 when stale). 409 lists under 'missing' the required "
            + "qualification elements not yet confirmed; a MANAGER or ADMIN may convert anyway with an "
            + "overrideReason, which is recorded (403 for others). 409 when the plan is mutual already")
    ResponseEntity<PlanJson> convert(Viewer viewer, @PathVariable UUID planId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) ConvertRequest request) {
        long version = IfMatch.required(ifMatch, "api.error.planIfMatchRequired", "api.error.planIfMatch");
        return withETag(plans.convert(viewer, planId, request == null ? null : request.overrideReason(), version));
    }

    @PutMapping(DETAILS)
    @Operation(summary = "Set the plan's language for buyers (en or el), target signature and go-live dates and the "
            + "email domains (comma-separated) whose people may join by themselves. Requires If-Match with the "
            + "plan's version (428 without, 412 when stale)")
    ResponseEntity<PlanJson> details(Viewer viewer, @PathVariable UUID planId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DetailsJson details) {
        long version = IfMatch.required(ifMatch, "api.error.planIfMatchRequired", "api.error.planIfMatch");
        return withETag(plans.describe(viewer, planId, new PlanDetails(details.language(), details.targetSignature(),
                details.targetGoLive(), details.allowedDomains()), version));
    }

    @PutMapping(SECTION)
    @Operation(summary = "Write a section of a mutual action plan in Markdown (problems, solution, success_criteria, "
            + "buying_process). Requires If-Match with the section's version (0 while nobody wrote it): 428 "
            + "without, 412 when someone changed it since; nothing is overwritten. 409 for a closing plan")
    ResponseEntity<SectionJson> section(Viewer viewer, @PathVariable UUID planId, @PathVariable String key,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SectionText text) {
        SectionKey section = Arrays.stream(SectionKey.values()).filter(value -> key(value).equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.sectionNotFound"));
        long version = IfMatch.required(ifMatch, "api.error.sectionIfMatchRequired", "api.error.sectionIfMatch");
        plans.writeSection(viewer, planId, section, text.markdown(), version);
        SectionView saved = plans.get(viewer, planId).sections().stream().filter(s -> s.key() == section)
                .findFirst().orElseThrow();
        return ResponseEntity.ok().eTag(Long.toString(saved.version())).body(SectionJson.from(saved));
    }

    @GetMapping(STEP)
    @Operation(summary = "One step of a plan; the ETag is the version to send in If-Match")
    ResponseEntity<StepJson> step(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId) {
        StepView step = stepOf(plans.get(viewer, planId), stepId);
        return ResponseEntity.ok().eTag(Long.toString(step.version())).body(StepJson.from(step));
    }

    @PatchMapping(path = STEP, consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a step with a JSON merge patch (title, status, targetDate, owners, description, "
            + "pinned); requires If-Match with the step's version, a stale version gets 412. A new target date, or "
            + "finishing late, moves the steps that depend on it by as many business days (unless pinned); they are "
            + "listed under 'moved'",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = StepFields.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = StepFields.class))}))
    ResponseEntity<StepResult> patch(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Parameter(hidden = true) @RequestBody ObjectNode patch) throws BindException {
        long version = IfMatch.required(ifMatch, "api.error.stepIfMatchRequired", "api.error.stepIfMatch");
        StepView current = stepOf(plans.get(viewer, planId), stepId);
        StepFields fields = mergePatch.apply(StepFields.from(current), patch, StepFields.class);
        StepUpdate update = new StepUpdate(
                patch.has("title") ? fields.title() : null,
                patch.has("description") ? (fields.description() == null ? "" : fields.description()) : null,
                patch.has("status") ? fields.status() : null,
                patch.has("targetDate") ? fields.targetDate() : null,
                patch.has("owners") ? owners(fields.owners()) : null,
                patch.has("pinned") ? fields.pinned() : null);
        StepChange change = plans.updateStep(viewer, planId, stepId, version, update, true);
        return ResponseEntity.ok().eTag(Long.toString(change.step().version()))
                .body(new StepResult(StepJson.from(change.step()), change.moved().stream().map(StepJson::from).toList(),
                        change.plan().plannedEnd()));
    }

    @PostMapping(STEPS)
    @Operation(summary = "Add a step to a milestone of the plan; owned by the caller unless owners are given")
    ResponseEntity<StepJson> addStep(Viewer viewer, @PathVariable UUID planId,
            @Valid @RequestBody NewStepJson request) {
        StepView step = plans.addStep(viewer, planId, new NewStep(request.milestoneId(), request.title(),
                request.description(), request.side(), request.visibility(), request.durationDays(),
                request.targetDate(), request.dependsOn(),
                request.owners() == null ? null : owners(request.owners())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(Paths.API + "/plans/" + planId + "/steps/" + step.id()))
                .eTag(Long.toString(step.version()))
                .body(StepJson.from(step));
    }

    private List<OwnerRef> owners(List<OwnerJson> owners) {
        return owners.stream().map(owner -> switch (owner.type()) {
            case USER -> OwnerRef.user(person(owner.email()));
            case ROLE -> {
                if (owner.role() == null || owner.role().isBlank()) {
                    throw new InvalidInputException("owners", "plans.badOwner");
                }
                yield OwnerRef.role(owner.role());
            }
        }).toList();
    }

    private UUID person(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("owners", "plans.badOwner");
        }
        return users.findByEmail(email.trim()).filter(UserSummary::active).map(UserSummary::id)
                .orElseThrow(() -> new InvalidInputException("owners", "plans.unknownOwner"));
    }

    private PlanJson json(PlanView plan) {
        return PlanJson.from(plan, participants.onPlan(plan.id()));
    }

    private ResponseEntity<PlanJson> withETag(PlanView plan) {
        return ResponseEntity.ok().eTag(Long.toString(plan.version())).body(json(plan));
    }

    /** How the API names a section: {@code success_criteria}. */
    private static String key(SectionKey key) {
        return key.name().toLowerCase(Locale.ROOT);
    }

    private static StepView stepOf(PlanView plan, UUID stepId) {
        return plan.steps().stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
    }

}
