package io.mutua.identity;

import java.util.UUID;

/** A seller-side user as other modules see them. */
public record UserSummary(UUID id, String email, String name, Role role, UUID teamId, boolean active) {
}
