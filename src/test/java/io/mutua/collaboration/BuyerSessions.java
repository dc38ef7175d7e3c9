package io.mutua.collaboration;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Makes a MockMvc request as a buyer signed in by magic link, the way {@link BuyerSignIn} leaves the session. */
final class BuyerSessions {

    private BuyerSessions() {
    }

    static RequestPostProcessor as(String email) {
        BuyerPrincipal principal = new BuyerPrincipal(email);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, BuyerPrincipal.authorities()));
    }
}
