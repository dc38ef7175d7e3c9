package io.mutua.plans;

import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.List;

/** A change to a step; a null field stays as it is. */
public record StepUpdate(String title, String description, StepStatus status, LocalDate targetDate,
        List<OwnerRef> owners, Boolean pinned, Visibility visibility) {

    public StepUpdate(String title, String description, StepStatus status, LocalDate targetDate,
            List<OwnerRef> owners, Boolean pinned) {
        this(title, description, status, targetDate, owners, pinned, null);
    }

    public static StepUpdate status(StepStatus status) {
        return new StepUpdate(null, null, status, null, null, null, null);
    }

    public static StepUpdate targetDate(LocalDate date) {
        return new StepUpdate(null, null, null, date, null, null, null);
    }
}
