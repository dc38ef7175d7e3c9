package io.mutua.identity;

import io.mutua.web.InvalidInputException;

/** What a password must be. */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "validation.password", MIN_LENGTH, MAX_LENGTH);
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, "validation.password", MIN_LENGTH, MAX_LENGTH);
        }
    }
}
