package io.mutua.plans;

public enum PlanKind {
    CLOSING, MUTUAL, ONBOARDING
}
