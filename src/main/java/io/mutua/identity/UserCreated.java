package io.mutua.identity;

import java.util.UUID;

/** An admin created a seller-side account; {@code locale} is the new user's language, if known. */
public record UserCreated(UUID userId, String email, String name, Role role, String createdByName, String locale) {
}
