package io.mutua.forecasting.crm;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mapping form as typed: a column per field ({@code column_ID}, {@code history_STAGE}), the date format, the
 * default currency and, by index, each stage name found in the files with the pipeline stage chosen for it
 * ({@code stageName_0}, {@code stageKey_0}). Blank means "not in the file" or "not mapped".
 */
public record MappingForm(Map<CrmField, String> columns, Map<HistoryField, String> historyColumns,
        List<StageChoice> stages, DateFormatHint dates, String currency, long version) {

    static final Set<CrmField> REQUIRED = Set.of(CrmField.ID, CrmField.NAME, CrmField.STAGE, CrmField.CREATED);
    static final String COLUMN = "column_";
    static final String HISTORY = "history_";

    public MappingForm {
        currency = currency == null ? "" : currency;
    }

    /** A stage or outcome name in the files and the pipeline stage key it stands for (blank: not mapped). */
    public record StageChoice(String name, String stageKey) {
    }

    static MappingForm from(Map<String, String> params) {
        Map<CrmField, String> columns = new EnumMap<>(CrmField.class);
        for (CrmField field : CrmField.values()) {
            columns.put(field, params.getOrDefault(COLUMN + field.name(), "").trim());
        }
        Map<HistoryField, String> history = new EnumMap<>(HistoryField.class);
        for (HistoryField field : HistoryField.values()) {
            history.put(field, params.getOrDefault(HISTORY + field.name(), "").trim());
        }
        List<StageChoice> stages = new ArrayList<>();
        for (int i = 0; params.containsKey("stageName_" + i); i++) {
            stages.add(new StageChoice(params.get("stageName_" + i), params.getOrDefault("stageKey_" + i, "").trim()));
        }
        DateFormatHint dates;
        try {
            dates = DateFormatHint.valueOf(params.getOrDefault("dates", "AUTO"));
        } catch (IllegalArgumentException e) {
            dates = DateFormatHint.AUTO;
        }
        long version;
        try {
            version = Long.parseLong(params.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new MappingForm(columns, history, stages, dates,
                params.getOrDefault("currency", "").trim().toUpperCase(Locale.ROOT), version);
    }

    static MappingForm of(CrmMapping mapping, List<StageChoice> stages, long version) {
        Map<CrmField, String> columns = new EnumMap<>(CrmField.class);
        for (CrmField field : CrmField.values()) {
            columns.put(field, mapping.columns().getOrDefault(field, ""));
        }
        Map<HistoryField, String> history = new EnumMap<>(HistoryField.class);
        for (HistoryField field : HistoryField.values()) {
            history.put(field, mapping.historyColumns().getOrDefault(field, ""));
        }
        return new MappingForm(columns, history, stages, mapping.dates(), mapping.defaultCurrency(), version);
    }

    public String column(CrmField field) {
        return columns.getOrDefault(field, "");
    }

    public String historyColumn(HistoryField field) {
        return historyColumns.getOrDefault(field, "");
    }

    public boolean required(CrmField field) {
        return REQUIRED.contains(field);
    }

    /** The problems of this form by parameter name, as message keys; empty when it can be saved. */
    Map<String, String> problems(boolean withHistory) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (CrmField field : CrmField.values()) {
            if (required(field) && column(field).isEmpty()) {
                problems.put(COLUMN + field.name(), "crmImport.mapping.columnRequired");
            }
        }
        if (withHistory) {
            for (HistoryField field : HistoryField.values()) {
                if (historyColumn(field).isEmpty()) {
                    problems.put(HISTORY + field.name(), "crmImport.mapping.columnRequired");
                }
            }
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.put("currency", "crmImport.mapping.currencyInvalid");
        }
        return problems;
    }

    /** The mapping as the importer reads it; columns and stages left blank are left out. */
    CrmMapping toMapping() {
        Map<CrmField, String> chosen = new EnumMap<>(CrmField.class);
        columns.forEach((field, column) -> {
            if (!column.isEmpty()) {
                chosen.put(field, column);
            }
        });
        Map<HistoryField, String> chosenHistory = new EnumMap<>(HistoryField.class);
        historyColumns.forEach((field, column) -> {
            if (!column.isEmpty()) {
                chosenHistory.put(field, column);
            }
        });
        Map<String, String> stageKeys = new LinkedHashMap<>();
        for (StageChoice choice : stages) {
            if (!choice.stageKey().isEmpty()) {
                stageKeys.put(choice.name(), choice.stageKey());
            }
        }
        return new CrmMapping(chosen, chosenHistory, stageKeys, dates, currency.isEmpty() ? null : currency);
    }
}
