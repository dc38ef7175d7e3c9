package io.mutua.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The validation errors of one form, already in the reader's language, by field. */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<String> global;

    private FormErrors(Map<String, String> byField, List<String> global) {
        this.byField = byField;
        this.global = global;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors from(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            byField.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        List<String> global = result.getGlobalErrors().stream()
                .map(error -> messages.getMessage(error, locale))
                .toList();
        return new FormErrors(byField, global);
    }

    public FormErrors withField(String field, String message) {
        Map<String, String> copy = new LinkedHashMap<>(byField);
        copy.put(field, message);
        return new FormErrors(copy, global);
    }

    /** Adds a domain failure: next to its field when it names one, otherwise at the top of the form. */
    public FormErrors with(DomainException e, MessageSource messages, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.args(), locale);
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            return withField(invalid.field(), message);
        }
        List<String> copy = new ArrayList<>(global);
        copy.add(message);
        return new FormErrors(byField, List.copyOf(copy));
    }

    public boolean any() {
        return !byField.isEmpty() || !global.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public List<String> global() {
        return global;
    }
}
