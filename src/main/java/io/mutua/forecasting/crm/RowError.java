package io.mutua.forecasting.crm;

import java.util.List;

/**
 * Why one row was rejected: the file ("deals" or "history"), the row number as a spreadsheet shows it (the header
 * is row 1), and a message key with its arguments ({@code crm.error.*} in the message bundles).
 */
public record RowError(String file, int row, String code, List<Object> args) {

    public RowError {
        args = List.copyOf(args);
    }
}
