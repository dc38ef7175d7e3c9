package io.mutua.web;

/** The thing does not exist, or the viewer may not know that it does. */
public class NotFoundException extends DomainException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
