package io.mutua.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the {@link Ui} of a request; as controller advice, puts it into the model of every HTML page. */
@ControllerAdvice(annotations = Controller.class)
class UiAdvice {

    private final MessageSource messages;
    private final Clock clock;
    private final List<NavLink> nav;
    private final ResourceUrlProvider resources;

    UiAdvice(MessageSource messages, Clock clock, List<NavLink> nav, ResourceUrlProvider resources) {
        this.messages = messages;
        this.clock = clock;
        this.resources = resources;
        this.nav = nav.stream().sorted(Comparator.comparingInt(NavLink::order)).toList();
    }

    @ModelAttribute(Ui.MODEL_ATTRIBUTE)
    Ui ui(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Set<String> roles = signedIn
                ? auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        String userName = !signedIn ? null
                : auth.getPrincipal() instanceof SignedInUser user ? user.displayName() : auth.getName();
        boolean buyer = roles.contains(SecurityConfiguration.BUYER);
        List<NavLink> visible = !signedIn ? List.of() : nav.stream().filter(link -> buyer
                ? SecurityConfiguration.BUYER.equals(link.requiredRole())
                : link.requiredRole() == null || !SecurityConfiguration.BUYER.equals(link.requiredRole())
                        && Arrays.stream(link.requiredRole().split(",")).anyMatch(roles::contains)).toList();
        String path = request.getRequestURI();
        String here = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return new Ui(messages, LocaleContextHolder.getLocale(), clock.getZone(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), userName, roles, path, here, visible,
                asset -> Objects.requireNonNullElse(resources.getForLookupPath(asset), asset));
    }
}
