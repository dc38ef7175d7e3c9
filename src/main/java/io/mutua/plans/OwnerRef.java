package io.mutua.plans;

import java.util.UUID;

/** An owner as given in an edit: a seller user by id, a participant by id, or a role placeholder by name. */
public record OwnerRef(UUID userId, String role, UUID participantId) {

    public static OwnerRef user(UUID userId) {
        return new OwnerRef(userId, null, null);
    }

    public static OwnerRef role(String role) {
        return new OwnerRef(null, role, null);
    }

    public static OwnerRef participant(UUID participantId) {
        return new OwnerRef(null, null, participantId);
    }
}
