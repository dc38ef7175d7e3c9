package io.mutua.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until the first admin exists, every page leads to the setup page. */
class SetupRedirectFilter extends OncePerRequestFilter {

    private final SetupStatus setup;

    SetupRedirectFilter(SetupStatus setup) {
        this.setup = setup;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(Paths.SETUP) || path.startsWith(LanguageController.PATH) || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/error")
                || path.startsWith("/favicon") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (setup.setupRequired()) {
            response.sendRedirect(request.getContextPath() + Paths.SETUP);
            return;
        }
        chain.doFilter(request, response);
    }
}
