package io.mutua.web;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396) for flat request records: a field absent from the patch keeps its value, an
 * explicit null clears it. The result is bound and validated like any request body.
 */
@Component
public class MergePatch {

    private final JsonMapper json;
    private final Validator validator;

    MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * Applies {@code patch} to {@code current}.
     *
     * @throws BindException when the patched record is not valid, naming each bad field
     */
    public <T> T apply(T current, ObjectNode patch, Class<T> type) throws BindException {
        ObjectNode merged = json.valueToTree(current);
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            merged.set(field.getKey(), field.getValue());
        }
        T result = json.treeToValue(merged, type);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(result, type.getSimpleName());
        validator.validate(result, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return result;
    }
}
