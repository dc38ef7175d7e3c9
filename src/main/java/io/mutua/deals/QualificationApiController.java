package io.mutua.deals;

import io.mutua.identity.Viewer;
import io.mutua.web.IfMatch;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deal's MEDDPICC qualification over JSON. Elements are named by their keys ({@code economic_buyer}, …); each
 * carries its own version, 0 while nobody assessed it, which a change sends back in If-Match.
 */
@RestController
@Tag(name = "Qualification")
class QualificationApiController {

    static final String PATH = Paths.API + "/deals/{id}/qualification";

    private final Qualification qualification;

    QualificationApiController(Qualification qualification) {
        this.qualification = qualification;
    }

    record ElementJson(String element, QualificationStatus status, String notes, String contactName,
            String contactEmail, boolean person, boolean required, boolean missing, Instant updatedAt,
            String updatedBy, long version) {

        static ElementJson from(QualificationItem item) {
            return new ElementJson(item.element().key(), item.status(), item.notes(), item.contactName(),
                    item.contactEmail(), item.element().person(), item.required(), item.missing(), item.updatedAt(),
                    item.updatedByName(), item.version());
        }
    }

    record QualificationJson(List<ElementJson> elements, List<String> missingForConversion) {
    }

    /** The whole state of one element: what is left out is cleared. */
    record ElementChange(
            @NotNull(message = "{validation.required}") QualificationStatus status,
            @Size(max = Qualification.MAX_NOTES, message = "{validation.size}") @StorableText String notes,
            @Size(max = Qualification.MAX_NAME, message = "{validation.size}") @StorableText String contactName,
            @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size}") @StorableText
            String contactEmail) {
    }

    @GetMapping(PATH)
    @Operation(summary = "The deal's MEDDPICC card: every element in order, and the required ones still to confirm "
            + "before its closing plan can become a mutual action plan")
    QualificationJson get(Viewer viewer, @PathVariable UUID id) {
        List<QualificationItem> card = qualification.card(viewer, new DealId(id));
        return new QualificationJson(card.stream().map(ElementJson::from).toList(),
                card.stream().filter(QualificationItem::missing).map(item -> item.element().key()).toList());
    }

    @PutMapping(PATH + "/{element}")
    @Operation(summary = "Replace one element (status, notes and, for economic_buyer and champion, the contact). "
            + "Requires If-Match with the element's version (0 for one nobody assessed yet): 428 without it, "
            + "412 when someone changed it since; nothing is overwritten")
    ResponseEntity<ElementJson> put(Viewer viewer, @PathVariable UUID id, @PathVariable String element,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ElementChange change) {
        MeddpiccElement which = MeddpiccElement.fromKey(element)
                .orElseThrow(() -> new NotFoundException("qualification.unknownElement"));
        long version = IfMatch.required(ifMatch, "api.error.qualificationIfMatchRequired",
                "api.error.qualificationIfMatch");
        QualificationItem saved = qualification.update(viewer, new DealId(id), which,
                new QualificationChange(change.status(), change.notes(), change.contactName(), change.contactEmail()),
                version);
        return ResponseEntity.ok().eTag(Long.toString(saved.version())).body(ElementJson.from(saved));
    }
}
