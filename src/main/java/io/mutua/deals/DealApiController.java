package io.mutua.deals;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.IfMatch;
import io.mutua.web.InvalidInputException;
import io.mutua.web.MergePatch;
import io.mutua.web.Paths;
import io.mutua.web.ResultPage;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping(DealApiController.PATH)
@Tag(name = "Deals")
class DealApiController {

    static final String PATH = Paths.API + "/deals";

    private final DealService deals;
    private final Pipeline pipeline;
    private final Users users;
    private final MergePatch mergePatch;

    DealApiController(DealService deals, Pipeline pipeline, Users users, MergePatch mergePatch) {
        this.deals = deals;
        this.pipeline = pipeline;
        this.users = users;
        this.mergePatch = mergePatch;
    }

    record DealJson(String id, String name, String account, BigDecimal amount, String currency, String ownerEmail,
            String stage, DealStatus status, LocalDate expectedCloseDate, String crmRef, String segment,
            String closeReason, Instant closedAt, long version, Instant createdAt, UUID closeReasonId,
            String closeReasonLabel, String competitor) {

        static DealJson from(DealView deal) {
            return new DealJson(deal.id().toString(), deal.name(), deal.account(), deal.amount(), deal.currency(),
                    deal.ownerEmail(), deal.stageKey(), deal.status(), deal.expectedCloseDate(), deal.crmRef(),
                    deal.segment(), deal.closeReason(), deal.closedAt(), deal.version(), deal.createdAt(),
                    deal.closeReasonId(), deal.closeReasonLabel(), deal.competitor());
        }
    }

    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageJson<T> from(ResultPage<T> page) {
            return new PageJson<>(page.items(), page.page(), page.size(), page.total(), page.totalPages());
        }
    }

    /** The editable fields of a deal, as posted to create one and as the result of a merge patch. */
    record DealFields(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}")
            @StorableText String name,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}")
            @StorableText String account,
            @DecimalMin(value = "0", message = "{validation.amount}")
            @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency,
            LocalDate expectedCloseDate,
            @Size(max = 40, message = "{validation.size}") @StorableText String stage,
            @Size(max = 100, message = "{validation.size}") @StorableText String crmRef,
            @Size(max = 60, message = "{validation.size}") @StorableText String segment,
            @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size}")
            @StorableText String ownerEmail) {

        static DealFields from(DealView deal) {
            return new DealFields(deal.name(), deal.account(), deal.amount(), deal.currency(),
                    deal.expectedCloseDate(), deal.stageKey(), deal.crmRef(), deal.segment(), deal.ownerEmail());
        }
    }

    record StageMove(@NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size}")
            @StorableText String stage) {
    }

    /** {@code reason} is the older name of {@code details}, still accepted. */
    record Closing(@NotNull(message = "{validation.required}") Outcome outcome,
            @NotNull(message = "{validation.required}") UUID reasonId,
            @Size(max = 500, message = "{validation.size}") @StorableText String details,
            @Size(max = 100, message = "{validation.size}") @StorableText String competitor,
            @Size(max = 500, message = "{validation.size}") @StorableText String reason) {

        ClosingDecision decision() {
            return new ClosingDecision(outcome, reasonId, details == null || details.isBlank() ? reason : details,
                    competitor);
        }
    }

    record StageChangeJson(String fromStage, String toStage, Instant changedAt, String actorEmail) {
    }

    @GetMapping
    @Operation(summary = "Deals the caller may see, filtered and paged (page counts from 0)")
    PageJson<DealJson> list(Viewer viewer, @RequestParam(required = false) String stage,
            @RequestParam(required = false) DealStatus status, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        if (stage != null && !stage.isBlank() && pipeline.find(stage).isEmpty()) {
            throw new InvalidInputException("stage", "deals.unknownStage", stage);
        }
        UUID ownerId = null;
        if (owner != null && !owner.isBlank()) {
            Optional<UserSummary> found = users.findByEmail(owner);
            if (found.isEmpty()) {
                return new PageJson<>(List.of(), Math.max(page, 0), size, 0, 1);
            }
            ownerId = found.get().id();
        }
        ResultPage<DealView> result = deals.search(viewer, new DealSearch(stage, status, ownerId, q, page, size));
        return PageJson.from(result.map(DealJson::from));
    }

    @PostMapping
    @Operation(summary = "Open a deal; the stage defaults to the first one and the owner to the caller")
    ResponseEntity<DealJson> create(Viewer viewer, @Valid @RequestBody DealFields request) {
        DealView deal = namingOwnerEmail(() -> deals.create(viewer, details(viewer, request),
                blankToNull(request.stage())));
        return ResponseEntity.created(URI.create(PATH + "/" + deal.id()))
                .eTag(Long.toString(deal.version()))
                .body(DealJson.from(deal));
    }

    @GetMapping("/{id}")
    ResponseEntity<DealJson> get(Viewer viewer, @PathVariable UUID id) {
        return withETag(deals.get(viewer, new DealId(id)));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a deal with a JSON merge patch (absent fields stay, null clears); "
            + "requires If-Match with the version read, a stale version gets 412",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = DealFields.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = DealFields.class))}))
    ResponseEntity<DealJson> patch(Viewer viewer, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Parameter(hidden = true) @RequestBody ObjectNode patch)
            throws BindException {
        long version = IfMatch.required(ifMatch, "api.error.ifMatchRequired", "api.error.ifMatch");
        if (patch.has("stage")) {
            throw new InvalidInputException("stage", "deals.patchStage");
        }
        DealView current = deals.get(viewer, new DealId(id));
        DealFields fields = mergePatch.apply(DealFields.from(current), patch, DealFields.class);
        return withETag(namingOwnerEmail(() -> deals.update(viewer, new DealId(id), details(viewer, fields),
                version)));
    }

    @PostMapping("/{id}/stage")
    @Operation(summary = "Move an open deal to another open stage")
    ResponseEntity<DealJson> move(Viewer viewer, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody StageMove move) {
        Long version = IfMatch.optional(ifMatch, "api.error.ifMatch");
        return withETag(deals.moveToStage(viewer, new DealId(id), move.stage(), version));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an open deal as WON or LOST with a reason from GET /api/v1/close-reasons for that "
            + "outcome (reasonId), optional details and competitor")
    ResponseEntity<DealJson> close(Viewer viewer, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Closing closing) {
        Long version = IfMatch.optional(ifMatch, "api.error.ifMatch");
        return withETag(deals.close(viewer, new DealId(id), closing.decision(), version));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The deal's stage changes, oldest first")
    List<StageChangeJson> history(Viewer viewer, @PathVariable UUID id) {
        return deals.history(viewer, new DealId(id)).stream()
                .map(change -> new StageChangeJson(change.fromStage(), change.toStage(), change.changedAt(),
                        change.actorEmail()))
                .toList();
    }

    private DealDetails details(Viewer viewer, DealFields fields) {
        return new DealDetails(fields.name(), fields.account(), money(fields.amount(), fields.currency()),
                owner(viewer, fields.ownerEmail()), fields.expectedCloseDate(), fields.crmRef(), fields.segment());
    }

    private UUID owner(Viewer viewer, String email) {
        if (email == null || email.isBlank()) {
            return viewer.userId();
        }
        return users.findByEmail(email).map(UserSummary::id)
                .orElseThrow(() -> new InvalidInputException("ownerEmail", "deals.unknownOwner"));
    }

    /** The service names the owner "owner"; in this API the field is {@code ownerEmail}. */
    private static DealView namingOwnerEmail(Supplier<DealView> change) {
        try {
            return change.get();
        } catch (InvalidInputException e) {
            if ("owner".equals(e.field())) {
                throw new InvalidInputException("ownerEmail", e.messageKey(), e.args());
            }
            throw e;
        }
    }

    private static Money money(BigDecimal amount, String currency) {
        if (amount == null && (currency == null || currency.isBlank())) {
            return null;
        }
        return Money.from(amount, currency);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ResponseEntity<DealJson> withETag(DealView deal) {
        return ResponseEntity.ok().eTag(Long.toString(deal.version())).body(DealJson.from(deal));
    }
}
