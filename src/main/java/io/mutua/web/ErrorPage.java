package io.mutua.web;

import org.springframework.http.HttpStatus;

/** What the error page shows: the status and a message key that explains it. */
public record ErrorPage(int status, String messageKey, Object[] args) {

    static ErrorPage of(HttpStatus status) {
        String key = switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "error.forbidden";
            case METHOD_NOT_ALLOWED, BAD_REQUEST -> "error.badRequest";
            case CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE -> "error.tooLarge";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.unexpected";
        };
        return new ErrorPage(status.value(), key, new Object[0]);
    }

    static ErrorPage of(HttpStatus status, DomainException e) {
        return new ErrorPage(status.value(), e.messageKey(), e.args());
    }
}
