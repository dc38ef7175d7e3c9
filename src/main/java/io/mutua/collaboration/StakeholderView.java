package io.mutua.collaboration;

import java.util.UUID;

/**
 * A person on a mutual action plan as everyone on it may see them: no engagement, and an email only for the main
 * contacts, whom the other side is meant to reach.
 */
public record StakeholderView(UUID id, String name, String title, String side, BuyingRole buyingRole,
        boolean mainContact, String email) {

    public boolean buyer() {
        return "BUYER".equals(side);
    }
}
