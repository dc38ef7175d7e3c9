package io.mutua.forecasting.crm;

import java.util.Map;

/**
 * How to read a CRM export: the column (header text) of each field in the deals file and in the optional history
 * file, the pipeline stage key for each stage or outcome name found in the files (names compared trimmed and
 * ignoring case), how to read dates, and the currency of amounts that name none.
 */
public record CrmMapping(Map<CrmField, String> columns, Map<HistoryField, String> historyColumns,
        Map<String, String> stages, DateFormatHint dates, String defaultCurrency) {

    public CrmMapping {
        columns = Map.copyOf(columns);
        historyColumns = historyColumns == null ? Map.of() : Map.copyOf(historyColumns);
        stages = Map.copyOf(stages);
        dates = dates == null ? DateFormatHint.AUTO : dates;
    }

    /** The pipeline stage key mapped to a stage or outcome name of the files (trimmed, ignoring case), or null. */
    public String stageFor(String name) {
        if (name == null) {
            return null;
        }
        String wanted = name.trim();
        return stages.entrySet().stream().filter(entry -> entry.getKey().trim().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The stage names of the mapping, trimmed and lower-cased, with their keys: for looking up many rows. */
    Map<String, String> stageLookup() {
        Map<String, String> lookup = new java.util.HashMap<>();
        stages.forEach((name, key) -> lookup.putIfAbsent(normalized(name), key));
        return lookup;
    }

    static String normalized(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
