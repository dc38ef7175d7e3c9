package io.mutua.web;

/** A value the user gave is not acceptable; {@code field} names it when there is one. */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... args) {
        super(messageKey, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
