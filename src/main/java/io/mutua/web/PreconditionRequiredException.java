package io.mutua.web;

/** A change that must say which version it was made against (If-Match) did not. */
public class PreconditionRequiredException extends DomainException {

    public PreconditionRequiredException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
