package io.mutua.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Turns a personal API token into an authenticated user, if the token is known and live. */
public interface ApiTokenAuthenticator {

    Optional<Authentication> authenticate(String token);
}
