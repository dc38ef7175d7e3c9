package io.mutua.plans;

import java.util.List;

/**
 * Where a mutual action plan stands with signing, as both plan pages show it: the certificate (required signers,
 * signatures as verified now), the revisions, the last revision someone signed and — when the shared content changed
 * since — what changed. {@code sellers} and {@code buyers} are the people who could be chosen as signers, and
 * {@code signersVersion} the version of that choice. {@code open} is false once the plan closed.
 */
public record SigningState(SignatureCertificate certificate, List<RevisionView> revisions, Integer lastSignedRevision,
        RevisionDiff sinceSigned, List<SignerView> sellers, List<SignerView> buyers, long signersVersion,
        boolean open) {

    public boolean changedSinceSigned() {
        return sinceSigned != null;
    }
}
