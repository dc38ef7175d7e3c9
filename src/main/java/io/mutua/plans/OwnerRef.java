package io.mutua.plans;

import java.util.UUID;

/** An owner as given in an edit: a seller user by id, or a role placeholder by name. */
public record OwnerRef(UUID userId, String role) {
}
