package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A step added to a milestone by hand; without a date it is scheduled after the step it follows. */
public record NewStepForm(
        @NotNull(message = "{validation.required}") UUID milestoneId,
        @NotBlank(message = "{validation.required}") @Size(max = PlanService.MAX_TITLE, message = "{validation.size}")
        String title,
        @NotNull(message = "{validation.required}") Side side,
        @NotNull(message = "{validation.required}") Visibility visibility,
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{plans.durationDays}")
        @Max(value = PlanService.MAX_DAYS, message = "{plans.durationDays}")
        Integer durationDays,
        LocalDate targetDate,
        UUID after,
        List<String> owners) {

    static final int DEFAULT_DAYS = 3;

    public NewStepForm {
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    static NewStepForm blank(UUID milestoneId, UUID viewer) {
        return new NewStepForm(milestoneId, "", Side.SELLER, Visibility.INTERNAL, DEFAULT_DAYS, null, null,
                List.of(StepForm.USER + viewer));
    }

    public boolean hasOwner(String value) {
        return owners.contains(value);
    }

    NewStep toNewStep() {
        return new NewStep(milestoneId, title, null, side, visibility, durationDays, targetDate,
                after == null ? List.of() : List.of(after), owners.isEmpty() ? null : StepForm.ownerRefs(owners));
    }
}
