package io.mutua.collaboration;

import io.mutua.plans.NewStep;
import io.mutua.playbooks.Visibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A step a buyer adds to a milestone: always shared, owned by the buyer unless they name other people or a role;
 * without a date it is scheduled from today.
 */
public record BuyerNewStepForm(
        @NotNull(message = "{validation.required}") UUID milestoneId,
        @NotBlank(message = "{validation.required}") @Size(max = BuyerStepForm.MAX_TITLE, message = "{validation.size}")
        String title,
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{plans.durationDays}")
        @Max(value = BuyerNewStepForm.MAX_DAYS, message = "{plans.durationDays}")
        Integer durationDays,
        LocalDate targetDate,
        List<String> owners) {

    static final int DEFAULT_DAYS = 3;
    static final int MAX_DAYS = 250;

    public BuyerNewStepForm {
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    static BuyerNewStepForm blank(UUID milestoneId, UUID participantId) {
        return new BuyerNewStepForm(milestoneId, "", DEFAULT_DAYS, null,
                List.of(BuyerStepForm.PARTICIPANT + participantId));
    }

    public boolean hasOwner(String value) {
        return owners.contains(value);
    }

    NewStep toNewStep() {
        return new NewStep(milestoneId, title, null, null, Visibility.SHARED, durationDays, targetDate, List.of(),
                owners.isEmpty() ? null : BuyerStepForm.ownerRefs(owners, Set.of()));
    }
}
