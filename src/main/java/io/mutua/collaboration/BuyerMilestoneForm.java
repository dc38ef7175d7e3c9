package io.mutua.collaboration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A milestone a buyer adds to the plan. */
public record BuyerMilestoneForm(
        @NotBlank(message = "{validation.required}") @Size(max = BuyerStepForm.MAX_TITLE, message = "{validation.size}")
        String title) {
}
