package io.mutua.web;

import java.util.Arrays;
import java.util.Map;

/**
 * A failure the user can understand and act on. It carries a message key, never user-facing text,
 * so that the web layer can say it in the reader's language.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Machine-readable facts about the failure that API clients get next to the message. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
