package io.mutua.identity;

import java.util.Objects;
import java.util.UUID;

/** The signed-in seller a request acts for, as of this request: the input to every access decision. */
public record Viewer(UUID userId, String email, Role role, UUID teamId) {

    public Viewer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
