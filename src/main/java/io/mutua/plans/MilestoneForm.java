package io.mutua.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Adds a milestone ({@code milestoneId} null) or renames one, with the version it was read at. */
public record MilestoneForm(
        UUID milestoneId,
        @NotBlank(message = "{validation.required}") @Size(max = PlanService.MAX_TITLE, message = "{validation.size}")
        String title,
        Long version) {

    /** The version read, or one no milestone has when the form sent none. */
    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
