package io.mutua.integration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A spreadsheet as read, before anything is checked: its header (the first line with any text) and the lines below
 * it, each with its row number as the spreadsheet shows it (the header of a sheet that starts at the top is row 1).
 */
record RawSheet(Line header, List<Line> lines) {

    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    static RawSheet of(List<Line> all) {
        int first = 0;
        while (first < all.size() && all.get(first).blank()) {
            first++;
        }
        if (first == all.size()) {
            throw new UnreadableSheetException("spreadsheet.empty");
        }
        return new RawSheet(all.get(first), List.copyOf(all.subList(first + 1, all.size())));
    }

    /**
     * Where each known column is; unknown headers are ignored (a team's own extra columns may stay in the sheet).
     * A sheet that lacks a required column or names one twice is refused as a whole.
     */
    Map<SheetColumn, Integer> columns() {
        Map<SheetColumn, Integer> found = new EnumMap<>(SheetColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            int index = i;
            SheetColumn.ofHeader(header.cell(i)).ifPresent(column -> {
                if (found.putIfAbsent(column, index) != null) {
                    throw new UnreadableSheetException("spreadsheet.duplicateColumn", column.label());
                }
            });
        }
        List<String> missing = SheetColumn.LAYOUT.stream()
                .filter(column -> column.required() && !found.containsKey(column))
                .map(SheetColumn::label)
                .toList();
        if (!missing.isEmpty()) {
            throw new UnreadableSheetException("spreadsheet.missingColumns", String.join(", ", missing));
        }
        return found;
    }
}
