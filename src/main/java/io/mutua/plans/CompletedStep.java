package io.mutua.plans;

import java.time.Instant;

/** A plan step that was done: its playbook key and when it started and finished. */
public record CompletedStep(String key, Instant startedAt, Instant completedAt) {
}
