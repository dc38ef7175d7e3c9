package io.mutua.forecasting.crm;

import io.mutua.web.InvalidInputException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link CrmMapping} as JSON, as the API takes it and an import keeps it:
 * {@code {"columns":{"ID":"Opportunity ID",...},"history":{"DEAL_ID":"Opportunity ID",...},
 * "stages":{"Closed Won":"won",...},"dates":"US","defaultCurrency":"USD"}}. Only {@code columns} is required. Unknown
 * names are refused with a message naming them (400 in the API), never ignored.
 */
public final class CrmMappingJson {

    static final String FIELD = MappingCheck.FIELD;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PROPERTIES = Set.of("columns", "history", "stages", "dates", "defaultCurrency");

    private CrmMappingJson() {
    }

    public static CrmMapping read(String json) {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException(FIELD, "crm.mapping.invalid");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(FIELD, "crm.mapping.invalid");
        }
        for (String name : root.propertyNames()) {
            if (!PROPERTIES.contains(name)) {
                throw new InvalidInputException(FIELD, "crm.mapping.unknownField", name);
            }
        }
        Map<CrmField, String> columns = fields(root.get("columns"), CrmField.class, "columns");
        Map<HistoryField, String> history = fields(root.get("history"), HistoryField.class, "history");
        Map<String, String> stages = new LinkedHashMap<>();
        texts(root.get("stages")).forEach(stages::put);
        return new CrmMapping(columns, history, stages, dates(root.get("dates")), text(root.get("defaultCurrency")));
    }

    public static String write(CrmMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode columns = root.putObject("columns");
        mapping.columns().forEach((field, column) -> columns.put(field.name(), column));
        ObjectNode history = root.putObject("history");
        mapping.historyColumns().forEach((field, column) -> history.put(field.name(), column));
        ObjectNode stages = root.putObject("stages");
        mapping.stages().forEach(stages::put);
        root.put("dates", mapping.dates().name());
        if (mapping.defaultCurrency() != null) {
            root.put("defaultCurrency", mapping.defaultCurrency());
        }
        return JSON.writeValueAsString(root);
    }

    private static <F extends Enum<F>> Map<F, String> fields(JsonNode node, Class<F> type, String property) {
        Map<F, String> fields = new EnumMap<>(type);
        texts(node).forEach((name, column) -> {
            try {
                fields.put(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)), column);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FIELD, "crm.mapping.unknownField", property + "." + name);
            }
        });
        return fields;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return texts;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(FIELD, "crm.mapping.invalid");
        }
        for (String name : node.propertyNames()) {
            String value = text(node.get(name));
            if (value != null) {
                texts.put(name, value);
            }
        }
        return texts;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(FIELD, "crm.mapping.invalid");
        }
        return node.asString();
    }

    private static DateFormatHint dates(JsonNode node) {
        String value = text(node);
        if (value == null || value.isBlank()) {
            return DateFormatHint.AUTO;
        }
        try {
            return DateFormatHint.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "crm.mapping.unknownDates", value);
        }
    }
}
