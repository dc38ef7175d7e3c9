package io.mutua.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Switches the UI language; for a signed-in user the choice is remembered with their account. */
@Controller
class LanguageController {

    static final String PATH = "/language";

    private final LocaleResolver localeResolver;
    private final UserLocales userLocales;

    LanguageController(LocaleResolver localeResolver, UserLocales userLocales) {
        this.localeResolver = localeResolver;
        this.userLocales = userLocales;
    }

    @PostMapping(PATH)
    String switchLanguage(@RequestParam("lang") String lang, @RequestParam(name = "back", required = false) String back,
            Principal principal, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = Languages.supported(lang).orElse(Locale.ENGLISH);
        localeResolver.setLocale(request, response, locale);
        if (principal != null) {
            userLocales.remember(principal.getName(), locale);
        }
        return "redirect:" + LocalRedirects.safe(back);
    }
}
