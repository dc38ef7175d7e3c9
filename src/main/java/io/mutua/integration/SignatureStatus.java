package io.mutua.integration;

/** Whether a signature still stands for the plan: it matches, the plan changed since, or the record was altered. */
public enum SignatureStatus {
    VALID, OUTDATED, TAMPERED
}
