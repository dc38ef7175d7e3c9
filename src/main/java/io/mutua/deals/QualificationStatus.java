package io.mutua.deals;

public enum QualificationStatus {
    UNKNOWN, PARTIAL, CONFIRMED
}
