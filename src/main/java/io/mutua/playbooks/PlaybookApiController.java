package io.mutua.playbooks;

import io.mutua.identity.Role;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import io.mutua.web.IfMatch;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playbooks as JSON, in the shape of the playbook files Mutua ships with. Every seller may read them; only admins
 * may create or replace them.
 */
@RestController
@RequestMapping(PlaybookApiController.PATH)
@Tag(name = "Playbooks")
class PlaybookApiController {

    static final String PATH = Paths.API + "/playbooks";

    private final Playbooks playbooks;
    private final Validator validator;

    PlaybookApiController(Playbooks playbooks, Validator validator) {
        this.playbooks = playbooks;
        this.validator = validator;
    }

    /** One playbook in a list: its settings and versions, without the content. */
    record PlaybookSummaryJson(UUID id, String name, String description, String segment, BigDecimal minAmount,
            BigDecimal maxAmount, int priority, boolean isDefault, boolean archived, int contentVersion,
            long version) {

        static PlaybookSummaryJson from(PlaybookView playbook) {
            PlaybookSettings settings = playbook.settings();
            return new PlaybookSummaryJson(playbook.id(), settings.name(), settings.description(), settings.segment(),
                    settings.minAmount(), settings.maxAmount(), settings.priority(), settings.isDefault(),
                    playbook.archived(), playbook.contentVersion(), playbook.version());
        }
    }

    /** One playbook with its current content; {@code version} is what If-Match must name to replace it. */
    record PlaybookJson(UUID id, String name, String description, String segment, BigDecimal minAmount,
            BigDecimal maxAmount, int priority, boolean isDefault, boolean archived, int contentVersion,
            long version, PlaybookContent content) {

        static PlaybookJson from(PlaybookView playbook) {
            PlaybookSettings settings = playbook.settings();
            return new PlaybookJson(playbook.id(), settings.name(), settings.description(), settings.segment(),
                    settings.minAmount(), settings.maxAmount(), settings.priority(), settings.isDefault(),
                    playbook.archived(), playbook.contentVersion(), playbook.version(), playbook.content());
        }
    }

    /**
     * What a client sends to create or replace a playbook. {@code id}, {@code archived}, {@code contentVersion} and
     * {@code version} are accepted so that a playbook read with GET can be sent back as it is, but they change
     * nothing: the server assigns them.
     */
    record PlaybookBody(
            @NotBlank(message = "{validation.required}") @Size(max = Playbooks.MAX_NAME, message = "{validation.size}")
            @StorableText String name,
            @Size(max = Playbooks.MAX_DESCRIPTION, message = "{validation.size}") @StorableText String description,
            @Size(max = Playbooks.MAX_SEGMENT, message = "{validation.size}") @StorableText String segment,
            @DecimalMin(value = "0", message = "{validation.amount}")
            @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal minAmount,
            @DecimalMin(value = "0", message = "{validation.amount}")
            @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal maxAmount,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{playbooks.priorityRange}")
            @Max(value = 9999, message = "{playbooks.priorityRange}") Integer priority,
            Boolean isDefault,
            @NotNull(message = "{validation.required}") PlaybookContent content,
            UUID id, Boolean archived, Integer contentVersion, Long version) {

        PlaybookSettings settings() {
            return new PlaybookSettings(name, description, segment, minAmount, maxAmount, priority,
                    Boolean.TRUE.equals(isDefault));
        }
    }

    @GetMapping
    @Operation(summary = "Every playbook, without content; archived ones only with archived=true")
    List<PlaybookSummaryJson> list(@RequestParam(defaultValue = "false") boolean archived) {
        return playbooks.list(archived).stream().map(PlaybookSummaryJson::from).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One playbook with its current content; the ETag is its version")
    ResponseEntity<PlaybookJson> get(@PathVariable UUID id) {
        return withETag(ResponseEntity.ok(), playbooks.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a playbook from settings and content (admins only)")
    ResponseEntity<PlaybookJson> create(Viewer viewer, @RequestBody PlaybookBody body) throws BindException {
        requireAdmin(viewer);
        validate(body);
        PlaybookView created = namingContent(() -> playbooks.create(body.settings(), body.content(),
                viewer.userId()));
        return withETag(ResponseEntity.created(URI.create(PATH + "/" + created.id())), created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a playbook's settings and content (admins only); requires If-Match with the "
            + "version read, a stale version gets 412. When plans use the current content, changed content becomes "
            + "a new content version and those plans keep theirs.")
    ResponseEntity<PlaybookJson> replace(Viewer viewer, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PlaybookBody body)
            throws BindException {
        requireAdmin(viewer);
        long expected = IfMatch.required(ifMatch, "playbooks.ifMatchRequired", "playbooks.ifMatch");
        validate(body);
        PlaybookView saved = namingContent(() -> playbooks.update(id, expected, body.settings(), body.content(),
                viewer.userId()));
        return withETag(ResponseEntity.ok(), saved);
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.is(Role.ADMIN)) {
            throw new ForbiddenException("playbooks.adminOnly");
        }
    }

    private void validate(PlaybookBody body) throws BindException {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, "playbook");
        validator.validate(body, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
    }

    /** The rules name content fields from the content down ({@code milestones[0].title}); here it sits in "content". */
    private static PlaybookView namingContent(Supplier<PlaybookView> change) {
        try {
            return change.get();
        } catch (InvalidInputException e) {
            if (e.field() != null && e.field().startsWith("milestones")) {
                throw new InvalidInputException("content." + e.field(), e.messageKey(), e.args());
            }
            throw e;
        }
    }


    private static ResponseEntity<PlaybookJson> withETag(ResponseEntity.BodyBuilder response, PlaybookView playbook) {
        return response.eTag(Long.toString(playbook.version())).body(PlaybookJson.from(playbook));
    }
}
