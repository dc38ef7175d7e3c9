package io.mutua.web;

import java.util.Locale;
import java.util.Optional;

/** Each user's remembered UI language. */
public interface UserLocales {

    Optional<Locale> preferredLocale(String username);

    void remember(String username, Locale locale);
}
