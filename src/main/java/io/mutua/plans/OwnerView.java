package io.mutua.plans;

import java.util.UUID;

/**
 * An owner of a step as shown: a seller user ({@code userId}), a participant of either side
 * ({@code participantId}, {@code side}), or a role placeholder (role only).
 */
public record OwnerView(UUID userId, UUID participantId, String name, String email, String role, String side) {

    public boolean person() {
        return userId != null || participantId != null;
    }
}
