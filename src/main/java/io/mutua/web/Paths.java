package io.mutua.web;

/** Paths that security and several modules agree on. */
public final class Paths {

    public static final String HOME = "/";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String SETUP = "/setup";
    public static final String ADMIN = "/admin";
    public static final String API = "/api/v1";
    public static final String API_TOKENS = API + "/tokens";

    private Paths() {
    }
}
