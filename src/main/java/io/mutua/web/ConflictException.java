package io.mutua.web;

/** The request is well formed but clashes with the current state (a closed deal, a duplicate). */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
