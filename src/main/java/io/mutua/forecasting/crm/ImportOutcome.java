package io.mutua.forecasting.crm;

import java.util.List;

/**
 * What an import did, or in a preview would do: deals created, updated, found unchanged, rows rejected, and why.
 * Blank rows are skipped and not counted.
 */
public record ImportOutcome(int created, int updated, int unchanged, int rejected, List<RowError> errors) {

    public ImportOutcome {
        errors = List.copyOf(errors);
    }
}
