package io.mutua.integration;

import io.mutua.plans.OwnerRef;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One row of an imported sheet, checked and typed. A null field was an empty cell: an existing step keeps what it
 * has, a new step gets the default. {@code ownerKeys} say who the owners are (see {@link PlanPeople.Resolved}). {@code notes} is never null ("" clears them); {@code step} is null on a row that
 * only names a milestone.
 */
record SheetEntry(int row, String milestone, String step, Side side, List<OwnerRef> owners, Set<String> ownerKeys,
        LocalDate targetDate, StepStatus status, String notes, Visibility visibility) {

    boolean milestoneOnly() {
        return step == null;
    }
}
