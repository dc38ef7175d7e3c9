package io.mutua.identity;

import io.mutua.web.SignedInUser;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in seller, as kept in the session; the password hash is erased once sign-in is done. */
final class SellerPrincipal implements UserDetails, CredentialsContainer, SignedInUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private final String name;
    private final Role role;
    private final boolean active;
    private final boolean locked;
    private String passwordHash;

    SellerPrincipal(UUID id, String email, String name, Role role, boolean active, boolean locked,
            String passwordHash) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.active = active;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    static SellerPrincipal of(User user, boolean locked) {
        return new SellerPrincipal(user.id(), user.email(), user.name(), user.role(), user.active(), locked,
                user.passwordHash());
    }

    UUID id() {
        return id;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
