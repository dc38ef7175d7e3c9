package io.mutua.integration;

import java.util.List;

/**
 * The signature certificate that ends a plan's PDF: the plan's current revision and content hash (null while
 * unknown) and every signature, oldest first. Without signatures the page says the plan is not signed yet.
 */
public record Certificate(Integer currentRevision, String currentHash, List<CertificateLine> signatures) {

    public Certificate {
        signatures = List.copyOf(signatures);
    }

    public static Certificate notSignedYet() {
        return new Certificate(null, null, List.of());
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }
}
