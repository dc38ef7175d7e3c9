package io.mutua.collaboration;

import io.mutua.web.SignedInUser;
import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A buyer signed in by a magic link: known by email only, never a user, never a password. */
record BuyerPrincipal(String email) implements Principal, SignedInUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ROLE = "BUYER";

    static List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
    }

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String displayName() {
        return email;
    }
}
