package io.mutua.web;

/** Paths that security and several modules agree on. */
public final class Paths {

    public static final String HOME = "/";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String SETUP = "/setup";
    public static final String ADMIN = "/admin";
    /** The buyers' side of Mutua: their portal, plans and magic-link sign-in. */
    public static final String BUYER = "/b";
    public static final String BUYER_SIGN_IN = BUYER + "/sign-in";
    public static final String BUYER_REQUEST_LINK = BUYER + "/request-link";
    public static final String BUYER_JOIN = BUYER + "/join";
    public static final String BUYER_SIGN_OUT = BUYER + "/sign-out";
    /** Calendar feeds: secret addresses that calendar apps read without signing in. */
    public static final String CALENDAR_FEEDS = "/calendar";
    /** One-click unsubscribe from notification emails: the token in the address is the key (see Unsubscribes). */
    public static final String UNSUBSCRIBE = "/unsubscribe";
    public static final String API = "/api/v1";
    public static final String API_TOKENS = API + "/tokens";

    private Paths() {
    }
}
