package io.mutua.plans;

public enum StepStatus {
    NOT_STARTED, IN_PROGRESS, DONE, BLOCKED, SKIPPED;

    /** Done and skipped steps are finished: they no longer move, and never count as overdue. */
    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }
}
