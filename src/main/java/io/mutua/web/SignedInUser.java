package io.mutua.web;

/** What the page chrome needs to know about the signed-in user. */
public interface SignedInUser {

    String displayName();
}
