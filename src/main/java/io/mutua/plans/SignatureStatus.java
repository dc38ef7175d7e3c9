package io.mutua.plans;

/**
 * What verifying a signature found. VALID: the shared content still hashes to what was signed. OUTDATED: the
 * content changed through Mutua since (the activity log records it). TAMPERED: the stored revision no longer hashes
 * to what was signed, or the content differs without any recorded change — rows were altered behind Mutua's back.
 */
public enum SignatureStatus {
    VALID, OUTDATED, TAMPERED
}
