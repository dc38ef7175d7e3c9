package io.mutua.plans;

/** Why a revision of a plan's shared content was taken. */
public enum RevisionReason {
    CONVERSION, SIGNATURE, CLOSE, ON_DEMAND
}
