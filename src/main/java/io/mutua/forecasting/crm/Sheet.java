package io.mutua.forecasting.crm;

import java.util.List;
import java.util.Map;

/** A file read into text: its trimmed headers and its non-blank data rows, each with its spreadsheet row number. */
record Sheet(List<String> headers, List<Row> rows) {

    Sheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One data row; {@code number} counts as a spreadsheet does, the header being row 1 when it is the first line. */
    record Row(int number, List<String> cells) {

        String cell(Integer column) {
            if (column == null || column >= cells.size()) {
                return "";
            }
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }
    }

    /** The index of each header. */
    Map<String, Integer> columns() {
        java.util.Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.put(headers.get(i), i);
        }
        return columns;
    }
}
