package io.mutua.plans;

/** A signer's signature as they give it: their name as typed, their title, and that they confirmed. */
public record SignatureRequest(String name, String title, boolean confirmed) {
}
