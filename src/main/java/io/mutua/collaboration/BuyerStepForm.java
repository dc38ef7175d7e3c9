package io.mutua.collaboration;

import io.mutua.plans.OwnerRef;
import io.mutua.plans.OwnerView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.web.InvalidInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A buyer's edit of one shared step, with the version it was read at. Owners are option values:
 * {@code participant:<id>} for anyone on the plan, {@code role:<ROLE>} for a placeholder, and {@code user:<id>} only
 * for a seller who already owns the step. {@code confirm} is set once the buyer has seen what the change moves.
 */
public record BuyerStepForm(
        @NotBlank(message = "{validation.required}") @Size(max = BuyerStepForm.MAX_TITLE, message = "{validation.size}")
        String title,
        @Size(max = BuyerStepForm.MAX_DESCRIPTION, message = "{validation.size}") String description,
        @NotNull(message = "{validation.required}") StepStatus status,
        @NotNull(message = "{validation.required}") LocalDate targetDate,
        List<String> owners,
        Long version,
        Boolean confirm) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final String PARTICIPANT = "participant:";
    static final String ROLE = "role:";
    static final String USER = "user:";

    public BuyerStepForm {
        owners = owners == null ? List.of() : List.copyOf(owners);
        confirm = Boolean.TRUE.equals(confirm);
        description = description == null ? "" : description.replace("\r\n", "\n");
    }

    static BuyerStepForm from(StepView step) {
        return new BuyerStepForm(step.title(), Objects.toString(step.description(), ""), step.status(),
                step.targetDate(), step.owners().stream().map(BuyerStepForm::value).toList(), step.version(), false);
    }

    /** The option value of an owner as the step has it. */
    static String value(OwnerView owner) {
        if (owner.participantId() != null) {
            return PARTICIPANT + owner.participantId();
        }
        return owner.userId() != null ? USER + owner.userId() : ROLE + owner.role();
    }

    /** The version the form was read at; a form without one is out of date. */
    long readVersion() {
        return version == null ? -1 : version;
    }

    BuyerStepForm withStatus(StepStatus newStatus, long newVersion) {
        return new BuyerStepForm(title, description, newStatus, targetDate, owners, newVersion, false);
    }

    BuyerStepForm withVersion(long newVersion) {
        return new BuyerStepForm(title, description, status, targetDate, owners, newVersion, false);
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
        Set<String> current = new HashSet<>(step.owners().stream().map(BuyerStepForm::value).toList());
        List<OwnerRef> newOwners = new HashSet<>(owners).equals(current) ? null : ownerRefs(owners, current);
        return new StepUpdate(newTitle, newDescription, newStatus, newTarget, newOwners, null, null);
    }

    /** Owners as the plan takes them; a seller user only when they own the step already. */
    static List<OwnerRef> ownerRefs(List<String> values, Set<String> current) {
        return values.stream().map(value -> ownerRef(value, current)).toList();
    }

    private static OwnerRef ownerRef(String value, Set<String> current) {
        try {
            if (value != null && value.startsWith(PARTICIPANT)) {
                return OwnerRef.participant(UUID.fromString(value.substring(PARTICIPANT.length())));
            }
            if (value != null && value.startsWith(USER) && current.contains(value)) {
                return OwnerRef.user(UUID.fromString(value.substring(USER.length())));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("owners", "plans.badOwner");
        }
        if (value != null && value.startsWith(ROLE) && value.length() > ROLE.length()) {
            return OwnerRef.role(value.substring(ROLE.length()));
        }
        throw new InvalidInputException("owners", "plans.badOwner");
    }
}
