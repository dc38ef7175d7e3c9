package io.mutua.plans;

import java.util.UUID;

/** An owner of a step as shown: a person (id, name, email) or a role placeholder (role only). */
public record OwnerView(UUID userId, String name, String email, String role) {

    public boolean person() {
        return userId != null;
    }
}
