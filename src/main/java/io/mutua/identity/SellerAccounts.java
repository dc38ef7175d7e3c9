package io.mutua.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Sign-in lookup. A throttled email answers "locked" whether or not the account exists. */
@Component
class SellerAccounts implements UserDetailsService {

    private final UserRepository users;
    private final LoginThrottle throttle;

    SellerAccounts(UserRepository users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        boolean locked = throttle.isLocked(email);
        return users.findByEmail(email.trim())
                .map(user -> SellerPrincipal.of(user, locked))
                .or(() -> locked ? Optional.of(unknownButLocked(email)) : Optional.empty())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    private static SellerPrincipal unknownButLocked(String email) {
        return new SellerPrincipal(UUID.randomUUID(), email, email, Role.REP, true, true, "");
    }
}
