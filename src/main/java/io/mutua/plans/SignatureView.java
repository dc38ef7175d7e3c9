package io.mutua.plans;

import io.mutua.playbooks.Side;
import java.time.Instant;
import java.util.UUID;

/**
 * A signature as verified now: the side and the signer's typed name and title, when and from where (IP address and
 * user agent) they signed, the revision they signed and the SHA-256 of its shared content, and what verifying it
 * found. {@code outdatedAt} is when Mutua saw the signed content change.
 */
public record SignatureView(UUID id, Side side, UUID participantId, String name, String title, Instant signedAt,
        String ip, String userAgent, int revision, String contentHash, SignatureStatus status, Instant outdatedAt) {

    public boolean valid() {
        return status == SignatureStatus.VALID;
    }

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
