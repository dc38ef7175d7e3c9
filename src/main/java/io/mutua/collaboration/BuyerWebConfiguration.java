package io.mutua.collaboration;

import io.mutua.plans.PlanService;
import io.mutua.web.Languages;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The buyer area's web plumbing: a {@link Buyer} controller parameter, and plan pages in the plan's language
 * unless the buyer chose one.
 */
@Configuration(proxyBeanMethods = false)
class BuyerWebConfiguration implements WebMvcConfigurer {

    private static final Pattern PLAN_PATH = Pattern.compile("^" + Paths.BUYER
            + "/plans/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");
    private static final String LANGUAGE_COOKIE = "MUTUA_LANG";

    private final PlanService plans;

    BuyerWebConfiguration(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Buyer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication == null || !(authentication.getPrincipal() instanceof BuyerPrincipal buyer)) {
                    throw new InsufficientAuthenticationException("Buyers only");
                }
                return new Buyer(buyer.email());
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Matcher plan = PLAN_PATH.matcher(request.getRequestURI());
                if (plan.matches() && WebUtils.getCookie(request, LANGUAGE_COOKIE) == null) {
                    plans.languageOf(UUID.fromString(plan.group(1))).flatMap(Languages::supported).ifPresent(locale ->
                            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale));
                }
                return true;
            }
        }).addPathPatterns(Paths.BUYER + "/plans/**");
    }
}
