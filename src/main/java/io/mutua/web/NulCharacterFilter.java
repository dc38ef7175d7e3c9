package io.mutua.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot store or even compare text with a NUL character, so a query or form parameter that holds
 * one is refused up front as bad input (JSON bodies are checked by {@link StorableText}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> bad;
        try {
            bad = parameterWithNul(request.getParameterMap());
        } catch (IllegalStateException unreadable) {
            // Parameters the container cannot read at all (an upload over its size limit) are for the handler to
            // refuse with a clear message; it meets the same failure when it reads them.
            chain.doFilter(request, response);
            return;
        }
        if (bad.isEmpty()) {
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith(Paths.API)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                    "The parameter '" + bad.get() + "' contains a NUL character, which cannot be stored.", bad.get());
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    private static Optional<String> parameterWithNul(Map<String, String[]> parameters) {
        return parameters.entrySet().stream()
                .filter(parameter -> parameter.getKey().indexOf('\0') >= 0 || Arrays.stream(parameter.getValue())
                        .anyMatch(value -> value != null && value.indexOf('\0') >= 0))
                .map(parameter -> parameter.getKey().replace('\0', '?'))
                .findFirst();
    }
}
