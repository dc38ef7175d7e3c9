package io.mutua.plans;

import java.util.UUID;

/** Who makes a change: a seller user, a buyer participant, or Mutua itself (both null). */
record Actor(Audience audience, UUID userId, UUID participantId) {

    static Actor seller(UUID userId) {
        return new Actor(Audience.SELLER, userId, null);
    }

    static Actor buyer(UUID participantId) {
        return new Actor(Audience.BUYER, null, participantId);
    }

    static Actor system() {
        return new Actor(Audience.SELLER, null, null);
    }

    boolean isBuyer() {
        return audience == Audience.BUYER;
    }
}
