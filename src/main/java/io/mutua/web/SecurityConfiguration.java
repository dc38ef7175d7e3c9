package io.mutua.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three doors: HTTP Basic only to mint an API token, Bearer tokens for the rest of the API, and sessions
 * with a login form (and CSRF protection) for the HTML pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String BUYER = "BUYER";
    static final String[] SELLER_ROLES = {"ADMIN", "MANAGER", "REP", "CS"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint basic = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mutua\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, e instanceof LockedException
                    ? "Too many failed sign-ins; try again later."
                    : "Sign in with your email and password (HTTP Basic) to create a token.");
        };
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, Paths.API_TOKENS))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(basic))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here, so there is nothing to forge
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basic));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokenAuthenticator tokens) throws Exception {
        AuthenticationEntryPoint bearer = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                    "Send a valid personal API token as 'Authorization: Bearer <token>'.");
        };
        AccessDeniedHandler denied = (request, response, e) ->
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "You may not do this.");
        http.securityMatcher(Paths.API + "/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, bearer), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, never cookies
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(bearer).accessDeniedHandler(denied));
        return http.build();
    }

    /** Buyers: signed in by magic link only, and only into the buyer area; CSRF as everywhere. */
    @Bean
    @Order(3)
    SecurityFilterChain buyers(HttpSecurity http) throws Exception {
        http.securityMatcher(Paths.BUYER, Paths.BUYER + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(Paths.BUYER_SIGN_IN, Paths.BUYER_REQUEST_LINK, Paths.BUYER_JOIN + "/**")
                        .permitAll()
                        .anyRequest().hasRole(BUYER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(Paths.BUYER_REQUEST_LINK))
                        // A form without its CSRF token is refused as such; anything else a buyer may not
                        // reach does not exist for them.
                        .accessDeniedHandler((request, response, e) -> response.sendError(e instanceof CsrfException
                                ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND)))
                .logout(logout -> logout.logoutUrl(Paths.BUYER_SIGN_OUT)
                        .logoutSuccessUrl(Paths.BUYER_REQUEST_LINK + "?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, SetupStatus setup, LocaleResolver localeResolver,
            UserLocales userLocales) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), Paths.LOGIN + "?locked"));
        failure.setDefaultFailureUrl(Paths.LOGIN + "?error");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon*.svg", "/error").permitAll()
                        .requestMatchers(Paths.HOME, Paths.LOGIN, Paths.SETUP, LanguageController.PATH).permitAll()
                        .requestMatchers("/actuator/health", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // Calendar apps cannot sign in: the secret in the address is the key (see CalendarFeeds).
                        .requestMatchers(Paths.CALENDAR_FEEDS + "/**").permitAll()
                        // Mail clients unsubscribe with a POST that carries neither session nor CSRF token (RFC 8058).
                        .requestMatchers(Paths.UNSUBSCRIBE + "/**").permitAll()
                        .requestMatchers(Paths.ADMIN + "/**").hasRole("ADMIN")
                        // Seller pages are for the sales team; a buyer session never reaches them.
                        .anyRequest().hasAnyRole(SELLER_ROLES))
                .formLogin(form -> form.loginPage(Paths.LOGIN)
                        .usernameParameter("email")
                        .successHandler(new LoginSuccessHandler(localeResolver, userLocales))
                        .failureHandler(failure))
                .logout(logout -> logout.logoutUrl(Paths.LOGOUT).logoutSuccessUrl(Paths.LOGIN + "?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new SetupRedirectFilter(setup), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, Paths.UNSUBSCRIBE + "/*")))
                // A buyer session finds no seller page at all; a seller without the role is told so.
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> response.sendError(
                        isBuyer() && !(e instanceof CsrfException)
                                ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_FORBIDDEN)));
        return http.build();
    }

    private static boolean isBuyer() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + BUYER).equals(authority.getAuthority()));
    }
}
