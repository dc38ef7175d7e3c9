package io.mutua.plans;

/** The kinds of change the activity log records; each has a message key {@code activity.<NAME>}. */
public enum PlanChange {
    GENERATED, REGENERATED, CLOSED,
    STATUS, TARGET_DATE, MOVED_BY_CASCADE, TITLE, DESCRIPTION, OWNERS, PINNED,
    STEP_ADDED, STEP_DELETED, STEP_REORDERED,
    MILESTONE_ADDED, MILESTONE_RENAMED, MILESTONE_DELETED, MILESTONE_REORDERED
}
