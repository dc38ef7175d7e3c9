package io.mutua.forecasting.crm;

import io.mutua.deals.DealImports;
import io.mutua.deals.Money;
import io.mutua.deals.StageView;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Currency;

/**
 * Reads the rows of a deals file and of an optional history file against a mapping: every row either passes every
 * check or is rejected with the first reason found, naming the column.
 */
final class CrmRows {

    static final String DEALS = "deals";
    static final String HISTORY = "history";

    private final CrmMapping mapping;
    private final Map<String, StageView> stages;
    private final Map<String, String> stageLookup;
    private final OwnerDirectory owners;
    private final ZoneId zone;
    private final List<RowError> errors = new ArrayList<>();
    private final List<DealRow> deals = new ArrayList<>();
    private final Map<String, List<HistoryRow>> history = new LinkedHashMap<>();
    private DateFormatHint dates;

    CrmRows(CrmMapping mapping, Map<String, StageView> stages, OwnerDirectory owners, ZoneId zone) {
        this.mapping = mapping;
        this.stages = stages;
        this.stageLookup = mapping.stageLookup();
        this.owners = owners;
        this.zone = zone;
    }

    List<DealRow> deals() {
        return deals;
    }

    /** The history rows of each accepted deal, oldest first; null when there was no history file. */
    Map<String, List<HistoryRow>> history() {
        return history;
    }

    List<RowError> errors() {
        return errors;
    }

    void read(Sheet dealSheet, Sheet historySheet) {
        Map<CrmField, Integer> columns = MappingCheck.indexes(mapping.columns(), dealSheet, CrmField.class);
        Map<HistoryField, Integer> historyColumns = historySheet == null ? Map.of()
                : MappingCheck.indexes(mapping.historyColumns(), historySheet, HistoryField.class);
        List<String> dateValues = new ArrayList<>();
        for (Sheet.Row row : dealSheet.rows()) {
            dateValues.add(row.cell(columns.get(CrmField.CREATED)));
            dateValues.add(row.cell(columns.get(CrmField.CLOSE_DATE)));
        }
        if (historySheet != null) {
            historySheet.rows().forEach(row -> dateValues.add(row.cell(historyColumns.get(HistoryField.ENTERED_AT))));
        }
        dates = CrmDates.decide(mapping.dates(), dateValues);
        Map<String, Integer> firstRow = new HashMap<>();
        for (Sheet.Row row : dealSheet.rows()) {
            try {
                deals.add(deal(row, columns, firstRow));
            } catch (BadCell bad) {
                errors.add(new RowError(DEALS, row.number(), bad.code(), bad.args()));
            }
        }
        if (historySheet != null) {
            readHistory(historySheet, historyColumns, firstRow);
        }
    }

    private DealRow deal(Sheet.Row row, Map<CrmField, Integer> columns, Map<String, Integer> firstRow) {
        String id = required(row, columns, CrmField.ID);
        Integer first = firstRow.putIfAbsent(id, row.number());
        if (first != null) {
            throw new BadCell("crm.error.duplicateId", id, first);
        }
        limit(CrmField.ID, id, DealImports.MAX_CRM_REF);
        String name = limit(CrmField.NAME, required(row, columns, CrmField.NAME), DealImports.MAX_TEXT);
        String account = row.cell(columns.get(CrmField.ACCOUNT));
        account = limit(CrmField.ACCOUNT, account.isEmpty() ? name : account, DealImports.MAX_TEXT);
        OwnerDirectory.Owner owner = owners.resolve(column(CrmField.OWNER), row.cell(columns.get(CrmField.OWNER)));
        String stageKey = stage(required(row, columns, CrmField.STAGE));
        String outcome = row.cell(columns.get(CrmField.OUTCOME));
        if (!outcome.isEmpty()) {
            String outcomeKey = stage(outcome);
            if (stages.get(outcomeKey).closing()) {
                stageKey = outcomeKey;
            }
        }
        CrmDates.When created = date(CrmField.CREATED, required(row, columns, CrmField.CREATED));
        String closeText = row.cell(columns.get(CrmField.CLOSE_DATE));
        CrmDates.When close = closeText.isEmpty() ? null : date(CrmField.CLOSE_DATE, closeText);
        boolean closed = stages.get(stageKey).closing();
        if (closed && close == null) {
            throw new BadCell("crm.error.closeDateRequired", column(CrmField.CLOSE_DATE, "CLOSE_DATE"));
        }
        if (closed && close.date().isBefore(created.date())) {
            throw new BadCell("crm.error.closedBeforeCreated", column(CrmField.CLOSE_DATE), closeText,
                    column(CrmField.CREATED));
        }
        Money money = money(row, columns);
        String segment = row.cell(columns.get(CrmField.SEGMENT));
        limit(CrmField.SEGMENT, segment, DealImports.MAX_SEGMENT);
        return new DealRow(row.number(), id, name, account, owner, money, stageKey,
                closed ? close.at(zone) : null, close == null ? null : close.date(), created.at(zone),
                segment.isEmpty() ? null : segment);
    }

    private Money money(Sheet.Row row, Map<CrmField, Integer> columns) {
        String text = row.cell(columns.get(CrmField.AMOUNT));
        if (text.isEmpty()) {
            return null;
        }
        CrmAmounts.Amount amount = CrmAmounts.parse(column(CrmField.AMOUNT), text);
        String currency = amount.currency();
        String currencyText = row.cell(columns.get(CrmField.CURRENCY));
        if (currency == null && !currencyText.isEmpty()) {
            currency = CrmAmounts.currency(column(CrmField.CURRENCY), currencyText, currencyText);
        }
        if (currency == null && mapping.defaultCurrency() != null && !mapping.defaultCurrency().isBlank()) {
            currency = mapping.defaultCurrency().trim().toUpperCase(java.util.Locale.ROOT);
        }
        if (currency == null) {
            throw new BadCell("crm.error.noCurrency", column(CrmField.AMOUNT), text);
        }
        BigDecimal value = amount.value();
        return new Money(value, Currency.getInstance(currency));
    }

    private void readHistory(Sheet sheet, Map<HistoryField, Integer> columns, Map<String, Integer> dealRows) {
        Map<String, DealRow> accepted = new HashMap<>();
        deals.forEach(deal -> accepted.put(deal.crmRef(), deal));
        for (Sheet.Row row : sheet.rows()) {
            try {
                String id = historyRequired(row, columns, HistoryField.DEAL_ID);
                String stageName = historyRequired(row, columns, HistoryField.STAGE);
                String enteredText = historyRequired(row, columns, HistoryField.ENTERED_AT);
                if (!accepted.containsKey(id)) {
                    Integer dealRow = dealRows.get(id);
                    throw dealRow == null ? new BadCell("crm.error.unknownDeal", id)
                            : new BadCell("crm.error.dealRejected", id, dealRow);
                }
                String stageKey = stage(stageName);
                CrmDates.When entered = CrmDates.parse(mapping.historyColumns().get(HistoryField.ENTERED_AT),
                        enteredText, dates, zone);
                history.computeIfAbsent(id, key -> new ArrayList<>())
                        .add(new HistoryRow(row.number(), id, stageKey, entered.at(zone)));
            } catch (BadCell bad) {
                errors.add(new RowError(HISTORY, row.number(), bad.code(), bad.args()));
            }
        }
        history.values().forEach(rows -> rows.sort(Comparator.comparing(HistoryRow::at)));
    }

    private String stage(String name) {
        String key = stageLookup.get(CrmMapping.normalized(name));
        if (key == null || !stages.containsKey(key)) {
            throw new BadCell("crm.error.unknownStage", name);
        }
        return key;
    }

    private CrmDates.When date(CrmField field, String text) {
        return CrmDates.parse(column(field), text, dates, zone);
    }

    private String required(Sheet.Row row, Map<CrmField, Integer> columns, CrmField field) {
        String value = row.cell(columns.get(field));
        if (value.isEmpty()) {
            throw new BadCell("crm.error.required", column(field));
        }
        return value;
    }

    private String historyRequired(Sheet.Row row, Map<HistoryField, Integer> columns, HistoryField field) {
        String value = row.cell(columns.get(field));
        if (value.isEmpty()) {
            throw new BadCell("crm.error.required", mapping.historyColumns().get(field));
        }
        return value;
    }

    private String limit(CrmField field, String value, int max) {
        if (value.length() > max) {
            throw new BadCell("crm.error.tooLong", column(field), max);
        }
        return value;
    }

    private String column(CrmField field) {
        return column(field, field.name());
    }

    private String column(CrmField field, String fallback) {
        String column = mapping.columns().get(field);
        return column == null ? fallback : column;
    }
}
