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
}
