package io.mutua.collaboration;

/** The buyer a request acts for, as a controller parameter: known by the email their magic link went to. */
public record Buyer(String email) {
}
