package io.mutua.identity;

/** What a seller-side user may do. */
public enum Role {
    ADMIN, MANAGER, REP, CS;

    public String authority() {
        return "ROLE_" + name();
    }
}
