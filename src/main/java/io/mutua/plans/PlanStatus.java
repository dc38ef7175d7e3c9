package io.mutua.plans;

public enum PlanStatus {
    DRAFT, ACTIVE, SIGNED, CLOSED
}
