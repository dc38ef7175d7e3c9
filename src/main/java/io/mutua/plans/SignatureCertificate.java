package io.mutua.plans;

import java.util.List;
import java.util.UUID;

/**
 * Everything a signature certificate shows: the plan's status, the hash of its shared content as it is now, whether
 * signing again is requested, the required signers and every signature (also outdated ones) as verified now. Only
 * shared content is ever signed, so the same certificate is fit for buyers.
 */
public record SignatureCertificate(UUID planId, PlanStatus planStatus, String contentHash, Integer latestRevision,
        boolean resigningRequested, List<SignerView> requiredSigners, List<SignatureView> signatures) {

    public boolean signed() {
        return planStatus == PlanStatus.SIGNED;
    }

    /** The signature of a required signer that holds now, if any. */
    public SignatureView validSignatureOf(SignerView signer) {
        return signatures.stream()
                .filter(signature -> signer.participantId().equals(signature.participantId()) && signature.valid())
                .findFirst().orElse(null);
    }

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
