package io.mutua.web;

/** The viewer may see the thing but not do this to it. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
