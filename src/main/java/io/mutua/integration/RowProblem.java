package io.mutua.integration;

/**
 * What is wrong with one row of an imported sheet: its row number, the column (null for the row as a whole) and the
 * message key with its arguments.
 */
record RowProblem(int row, SheetColumn column, String messageKey, Object... args) {

    RowProblem {
        args = args.clone();
    }

    String columnLabel() {
        return column == null ? "" : column.label();
    }
}
