package io.mutua.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** The UI languages. A cookie carries the choice; signing in restores the user's remembered one. */
@Configuration(proxyBeanMethods = false)
public class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("el"));

    /** The supported language matching a tag such as "el" or "en-GB", if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("MUTUA_LANG") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale resolved = super.resolveLocale(request);
                return supported(resolved.toLanguageTag()).orElse(Locale.ENGLISH);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> Collections.list(request.getLocales()).stream()
                .map(locale -> supported(locale.toLanguageTag()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Locale.ENGLISH));
        return resolver;
    }
}
