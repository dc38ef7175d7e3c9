package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.IfMatch;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people on a mutual action plan over JSON: list them with their engagement, add a buyer contact or a colleague,
 * send a buyer the magic-link invitation, end someone's access. Reading needs the plan's deal; changes need the right
 * to change it, and a mutual action plan.
 */
@RestController
@Tag(name = "Participants")
class ParticipantApiController {

    static final String PARTICIPANTS = Paths.API + "/plans/{planId}/participants";
    static final String PARTICIPANT = PARTICIPANTS + "/{participantId}";

    private final Participants participants;
    private final Users users;

    ParticipantApiController(Participants participants, Users users) {
        this.participants = participants;
        this.users = users;
    }

    /** Which team a participant belongs to. */
    enum Side {
        SELLER, BUYER
    }

    record ParticipantJson(UUID id, String name, String email, String title, Side side, BuyingRole buyingRole,
            boolean mainContact, ParticipantStatus status, Instant invitedAt, Instant revokedAt, Instant lastSeen,
            int visits, long version) {

        static ParticipantJson from(ParticipantView view) {
            return new ParticipantJson(view.id(), view.name(), view.email(), view.title(), Side.valueOf(view.side()),
                    view.buyingRole(), view.mainContact(), view.status(), view.invitedAt(), view.revokedAt(),
                    view.lastSeen(), view.visits(), view.version());
        }
    }

    /** A buyer contact (name required) or a colleague, who must be an active user whose deals the caller sees. */
    record NewParticipantJson(
            @Size(max = Participants.MAX_NAME, message = "{validation.size}") @StorableText String name,
            @NotBlank(message = "{validation.required}") @Size(max = 254, message = "{validation.size}")
            @StorableText String email,
            @Size(max = Participants.MAX_TITLE, message = "{validation.size}") @StorableText String title,
            @NotNull(message = "{validation.required}") Side side,
            BuyingRole buyingRole) {
    }

    @GetMapping(PARTICIPANTS)
    @Operation(summary = "Everyone on the plan, both sides, with when each last opened it (empty for a closing plan)")
    List<ParticipantJson> list(Viewer viewer, @PathVariable UUID planId) {
        return participants.list(viewer, planId).stream().map(ParticipantJson::from).toList();
    }

    @GetMapping(PARTICIPANT)
    @Operation(summary = "One participant; the ETag is the version to send in If-Match when ending their access")
    ResponseEntity<ParticipantJson> get(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID participantId) {
        return withETag(HttpStatus.OK, find(viewer, planId, participantId));
    }

    @PostMapping(PARTICIPANTS)
    @Operation(summary = "Add a buyer contact (side BUYER: name, email, title, buyingRole) or a colleague (side "
            + "SELLER: the email of an active user whose deals you see); 409 unless the plan is a mutual action plan")
    ResponseEntity<ParticipantJson> add(Viewer viewer, @PathVariable UUID planId,
            @Valid @RequestBody NewParticipantJson request) {
        ParticipantView added = switch (request.side()) {
            case BUYER -> participants.addBuyer(viewer, planId, request.name(), request.email(), request.title(),
                    request.buyingRole());
            case SELLER -> addColleague(viewer, planId, request);
        };
        ParticipantView saved = find(viewer, planId, added.id());
        return ResponseEntity.created(URI.create(Paths.API + "/plans/" + planId + "/participants/" + saved.id()))
                .eTag(Long.toString(saved.version()))
                .body(ParticipantJson.from(saved));
    }

    @PostMapping(PARTICIPANT + "/invitation")
    @Operation(summary = "Email a buyer a magic link to the plan (again); 409 when their access has ended")
    ResponseEntity<ParticipantJson> invite(Viewer viewer, @PathVariable UUID planId,
            @PathVariable UUID participantId) {
        participants.invite(viewer, planId, participantId);
        return withETag(HttpStatus.OK, find(viewer, planId, participantId));
    }

    @DeleteMapping(PARTICIPANT)
    @Operation(summary = "End a participant's access at once, open live connections included; requires If-Match "
            + "with the participant's version (412 when stale, 428 when missing)")
    ResponseEntity<Void> revoke(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID participantId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = IfMatch.required(ifMatch, "api.error.participantIfMatchRequired",
                "api.error.participantIfMatch");
        participants.revoke(viewer, planId, participantId, version);
        return ResponseEntity.noContent().build();
    }

    private ParticipantView addColleague(Viewer viewer, UUID planId, NewParticipantJson request) {
        // Nobody has the nil id: an unknown email is refused after the plan was checked (404, 403, 409 first).
        UUID userId = users.findByEmail(request.email()).filter(UserSummary::active).map(UserSummary::id)
                .orElse(new UUID(0, 0));
        try {
            return participants.addSeller(viewer, planId, userId, request.title());
        } catch (InvalidInputException e) {
            // The form names the colleague by user id; here the client named them by email.
            throw new InvalidInputException("userId".equals(e.field()) ? "email" : e.field(), e.messageKey(),
                    e.args());
        }
    }

    private ParticipantView find(Viewer viewer, UUID planId, UUID participantId) {
        return participants.list(viewer, planId).stream().filter(p -> p.id().equals(participantId)).findFirst()
                .orElseThrow(() -> new NotFoundException("participants.notFound"));
    }

    private static ResponseEntity<ParticipantJson> withETag(HttpStatus status, ParticipantView view) {
        return ResponseEntity.status(status).eTag(Long.toString(view.version())).body(ParticipantJson.from(view));
    }
}
