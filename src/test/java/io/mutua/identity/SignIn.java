package io.mutua.identity;

import io.mutua.TestData;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Makes a MockMvc request as a signed-in seller, the way a session would after the login form. */
public final class SignIn {

    private SignIn() {
    }

    public static RequestPostProcessor as(TestData.Seller seller) {
        SellerPrincipal principal = new SellerPrincipal(seller.id(), seller.email(), seller.name(),
                Role.valueOf(seller.role()), true, false, null);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
