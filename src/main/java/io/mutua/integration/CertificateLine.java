package io.mutua.integration;

import io.mutua.playbooks.Side;
import io.mutua.plans.SignatureStatus;
import java.time.Instant;

/**
 * One signature as the certificate page of a plan's PDF shows it: who signed for which side, when and from where,
 * which revision of the shared content and its SHA-256, and whether it still stands.
 */
public record CertificateLine(Side side, String name, String title, Instant signedAt, String ip, String userAgent,
        int revision, String contentHash, SignatureStatus status) {
}
