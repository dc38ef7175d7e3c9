package io.mutua.plans;

import io.mutua.playbooks.Visibility;
import io.mutua.web.InvalidInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The inline edit of one step, with the version it was read at. Owners are option values: {@code user:<id>} for a
 * seller, {@code participant:<id>} for a participant of a mutual plan, {@code role:<ROLE>} for a role placeholder.
 * {@code confirm} is set once the user has seen what the change moves. A form without {@code visibility} leaves it
 * as it is.
 */
public record StepForm(
        @NotBlank(message = "{validation.required}") @Size(max = PlanService.MAX_TITLE, message = "{validation.size}")
        String title,
        @Size(max = PlanService.MAX_DESCRIPTION, message = "{validation.size}") String description,
        @NotNull(message = "{validation.required}") StepStatus status,
        @NotNull(message = "{validation.required}") LocalDate targetDate,
        List<String> owners,
        Boolean pinned,
        long version,
        Boolean confirm,
        Visibility visibility) {

    static final String USER = "user:";
    static final String ROLE = "role:";
    static final String PARTICIPANT = "participant:";

    /** An unchecked checkbox sends nothing: pinned and confirm are false unless sent. */
    public StepForm {
        owners = owners == null ? List.of() : List.copyOf(owners);
        pinned = Boolean.TRUE.equals(pinned);
        confirm = Boolean.TRUE.equals(confirm);
        description = description == null ? "" : description.replace("\r\n", "\n");
    }

    static StepForm from(StepView step) {
        return new StepForm(step.title(), Objects.toString(step.description(), ""), step.status(), step.targetDate(),
                step.owners().stream().map(StepForm::value).toList(), step.pinned(), step.version(), false,
                step.visibility());
    }

    /** The option value of an owner. */
    static String value(OwnerView owner) {
        if (owner.participantId() != null) {
            return PARTICIPANT + owner.participantId();
        }
        return owner.userId() != null ? USER + owner.userId() : ROLE + owner.role();
    }

    StepForm withStatus(StepStatus newStatus, long newVersion) {
        return new StepForm(title, description, newStatus, targetDate, owners, pinned, newVersion, false, visibility);
    }

    StepForm withVersion(long newVersion) {
        return new StepForm(title, description, status, targetDate, owners, pinned, newVersion, false, visibility);
    }

    public boolean hasOwner(String value) {
        return owners.contains(value);
    }

    /** Only what differs from the step as it is, so that the activity log records real changes only. */
    StepUpdate changesTo(StepView step) {
        String newTitle = title.trim().equals(step.title()) ? null : title;
        String newDescription = description.equals(Objects.toString(step.description(), "").replace("\r\n", "\n"))
                ? null : description;
        StepStatus newStatus = status == step.status() ? null : status;
        LocalDate newTarget = targetDate.equals(step.targetDate()) ? null : targetDate;
        List<String> current = step.owners().stream().map(StepForm::value).toList();
        List<OwnerRef> newOwners = new HashSet<>(owners).equals(new HashSet<>(current)) ? null : ownerRefs(owners);
        Boolean newPinned = pinned == step.pinned() ? null : pinned;
        Visibility newVisibility = visibility == null || visibility == step.visibility() ? null : visibility;
        return new StepUpdate(newTitle, newDescription, newStatus, newTarget, newOwners, newPinned, newVisibility);
    }

    static List<OwnerRef> ownerRefs(List<String> values) {
        return values.stream().map(StepForm::ownerRef).toList();
    }

    private static OwnerRef ownerRef(String value) {
        if (value != null && value.startsWith(USER)) {
            try {
                return OwnerRef.user(UUID.fromString(value.substring(USER.length())));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("owners", "plans.badOwner");
            }
        }
        if (value != null && value.startsWith(PARTICIPANT)) {
            try {
                return OwnerRef.participant(UUID.fromString(value.substring(PARTICIPANT.length())));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("owners", "plans.badOwner");
            }
        }
        if (value != null && value.startsWith(ROLE) && value.length() > ROLE.length()) {
            return OwnerRef.role(value.substring(ROLE.length()));
        }
        throw new InvalidInputException("owners", "plans.badOwner");
    }
}
