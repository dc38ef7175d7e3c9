package io.mutua.forecasting.crm;

import io.mutua.deals.Outcome;
import io.mutua.deals.StageView;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses columns from header names, as English exports of Salesforce, HubSpot and Pipedrive write them, and stage
 * names that equal a pipeline stage's name or key ("Closed Won" and "Won" are the won stage, likewise lost).
 */
final class HeaderGuess {

    /** For each field, header names in order of preference, lower case. */
    private static final Map<CrmField, List<String>> DEAL_HEADERS = new EnumMap<>(Map.ofEntries(
            Map.entry(CrmField.ID, List.of("opportunity id", "record id", "deal id", "crm id", "id")),
            Map.entry(CrmField.NAME, List.of("opportunity name", "deal name", "title", "name", "deal")),
            Map.entry(CrmField.ACCOUNT, List.of("account name", "account", "organization", "organization name",
                    "organisation", "company", "company name", "associated company")),
            Map.entry(CrmField.OWNER, List.of("opportunity owner", "deal owner", "owner", "owner name",
                    "owner email")),
            Map.entry(CrmField.AMOUNT, List.of("amount", "value", "deal value", "deal amount")),
            Map.entry(CrmField.CURRENCY, List.of("currency", "opportunity currency", "currency code",
                    "amount currency")),
            Map.entry(CrmField.STAGE, List.of("stage", "deal stage", "stage name", "pipeline stage")),
            Map.entry(CrmField.CREATED, List.of("created date", "create date", "deal created", "created",
                    "created at", "engaged date")),
            Map.entry(CrmField.CLOSE_DATE, List.of("close date", "expected close date", "closed date", "won time",
                    "close time")),
            Map.entry(CrmField.OUTCOME, List.of("won", "outcome", "status", "closed won")),
            Map.entry(CrmField.SEGMENT, List.of("segment", "market segment"))));
    private static final Map<HistoryField, List<String>> HISTORY_HEADERS = new EnumMap<>(Map.of(
            HistoryField.DEAL_ID, List.of("opportunity id", "deal id", "record id", "id"),
            HistoryField.STAGE, List.of("stage", "to stage", "stage name", "deal stage", "new value"),
            HistoryField.ENTERED_AT, List.of("entered at", "entered", "last modified", "last modified date",
                    "created date", "changed at", "change date", "date", "timestamp")));

    private HeaderGuess() {
    }

    static Map<CrmField, String> dealColumns(List<String> headers) {
        Map<CrmField, String> columns = new EnumMap<>(CrmField.class);
        DEAL_HEADERS.forEach((field, names) -> find(headers, names, columns.values())
                .ifPresent(header -> columns.put(field, header)));
        return columns;
    }

    static Map<HistoryField, String> historyColumns(List<String> headers) {
        Map<HistoryField, String> columns = new EnumMap<>(HistoryField.class);
        HISTORY_HEADERS.forEach((field, names) -> find(headers, names, columns.values())
                .ifPresent(header -> columns.put(field, header)));
        return columns;
    }

    private static java.util.Optional<String> find(List<String> headers, List<String> names,
            Collection<String> taken) {
        for (String name : names) {
            for (String header : headers) {
                if (header.trim().toLowerCase(Locale.ROOT).equals(name) && !taken.contains(header)) {
                    return java.util.Optional.of(header);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The stage key for each name that obviously means one. */
    static Map<String, String> stages(Collection<String> names, List<StageView> pipeline) {
        Map<String, String> known = new LinkedHashMap<>();
        for (StageView stage : pipeline) {
            known.putIfAbsent(stage.name().trim().toLowerCase(Locale.ROOT), stage.key());
            known.putIfAbsent(stage.key().toLowerCase(Locale.ROOT), stage.key());
            if (stage.outcome() == Outcome.WON) {
                known.putIfAbsent("closed won", stage.key());
                known.putIfAbsent("won", stage.key());
            }
            if (stage.outcome() == Outcome.LOST) {
                known.putIfAbsent("closed lost", stage.key());
                known.putIfAbsent("lost", stage.key());
            }
        }
        Map<String, String> stages = new LinkedHashMap<>();
        for (String name : names) {
            String key = known.get(name.trim().toLowerCase(Locale.ROOT));
            if (key != null) {
                stages.put(name, key);
            }
        }
        return stages;
    }
}
