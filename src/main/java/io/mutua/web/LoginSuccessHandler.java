package io.mutua.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/** After sign-in, the UI speaks the language the user chose last time, on any device. */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver localeResolver;
    private final UserLocales userLocales;

    LoginSuccessHandler(LocaleResolver localeResolver, UserLocales userLocales) {
        this.localeResolver = localeResolver;
        this.userLocales = userLocales;
        setDefaultTargetUrl(Paths.HOME);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        userLocales.preferredLocale(authentication.getName())
                .ifPresent(locale -> localeResolver.setLocale(request, response, locale));
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
