package io.mutua.collaboration;

import io.mutua.plans.PlanService;
import io.mutua.web.Languages;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The pages a buyer sees before signing in speak the language of the plan they lead to — the link's plan, the plan
 * to join — unless the buyer chose a language; otherwise the browser's.
 */
@Configuration(proxyBeanMethods = false)
class BuyerEntryLanguage implements WebMvcConfigurer {

    private static final Pattern JOIN_PATH = Pattern.compile("^" + Paths.BUYER_JOIN
            + "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");
    private static final String LANGUAGE_COOKIE = "MUTUA_LANG";

    private final BuyerLinks links;
    private final PlanService plans;

    BuyerEntryLanguage(BuyerLinks links, PlanService plans) {
        this.links = links;
        this.plans = plans;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (WebUtils.getCookie(request, LANGUAGE_COOKIE) == null) {
                    language(request).flatMap(Languages::supported).ifPresent(locale ->
                            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale));
                }
                return true;
            }
        }).addPathPatterns(Paths.BUYER_SIGN_IN, Paths.BUYER_JOIN + "/*");
    }

    private Optional<String> language(HttpServletRequest request) {
        if (request.getRequestURI().equals(Paths.BUYER_SIGN_IN)) {
            return links.languageOf(request.getParameter("token"));
        }
        Matcher join = JOIN_PATH.matcher(request.getRequestURI());
        if (join.matches()) {
            UUID planId = UUID.fromString(join.group(1));
            return plans.allowedDomains(planId) == null ? Optional.empty() : plans.languageOf(planId);
        }
        return Optional.empty();
    }
}
