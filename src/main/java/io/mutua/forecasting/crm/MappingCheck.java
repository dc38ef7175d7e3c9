package io.mutua.forecasting.crm;

import io.mutua.web.InvalidInputException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Whether a mapping fits the files and the pipeline, before any row is read. */
final class MappingCheck {

    static final String FIELD = "mapping";
    static final Set<CrmField> REQUIRED = EnumSet.of(CrmField.ID, CrmField.NAME, CrmField.STAGE, CrmField.CREATED);

    private MappingCheck() {
    }

    static void check(CrmMapping mapping, Sheet deals, Sheet history, Set<String> stageKeys) {
        for (CrmField field : REQUIRED) {
            String column = mapping.columns().get(field);
            if (column == null || column.isBlank()) {
                throw new InvalidInputException(FIELD, "crm.mapping.required", field.name());
            }
        }
        new java.util.TreeMap<>(mapping.stages()).forEach((name, key) -> {
            if (key == null || !stageKeys.contains(key)) {
                throw new InvalidInputException(FIELD, "crm.mapping.unknownStageKey", String.valueOf(key), name);
            }
        });
        if (mapping.defaultCurrency() != null && !mapping.defaultCurrency().isBlank()) {
            try {
                CrmAmounts.currency("defaultCurrency", mapping.defaultCurrency(), mapping.defaultCurrency().trim());
            } catch (BadCell e) {
                throw new InvalidInputException(FIELD, "crm.mapping.currency", mapping.defaultCurrency());
            }
        }
        columnsPresent(mapping.columns(), deals);
        if (history != null) {
            for (HistoryField field : HistoryField.values()) {
                String column = mapping.historyColumns().get(field);
                if (column == null || column.isBlank()) {
                    throw new InvalidInputException(FIELD, "crm.mapping.historyRequired", field.name());
                }
            }
            columnsPresent(mapping.historyColumns(), history);
        }
    }

    /** In field order, so that the same mapping is always refused for the same reason. */
    private static <F extends Enum<F>> void columnsPresent(Map<F, String> columns, Sheet sheet) {
        new java.util.TreeMap<>(columns).forEach((field, column) -> {
            if (column != null && !column.isBlank() && !sheet.headers().contains(column.trim())) {
                throw new InvalidInputException(FIELD, "crm.mapping.missingColumn", column, field.name());
            }
        });
    }

    /** The index of each mapped column in the sheet. */
    static <F extends Enum<F>> Map<F, Integer> indexes(Map<F, String> columns, Sheet sheet, Class<F> type) {
        Map<String, Integer> byHeader = sheet.columns();
        Map<F, Integer> indexes = new java.util.EnumMap<>(type);
        columns.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                indexes.put(field, byHeader.get(column.trim()));
            }
        });
        return indexes;
    }
}
