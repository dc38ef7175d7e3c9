package io.mutua.forecasting;

/** How long one playbook step took in done plan steps. */
public record StepDuration(String key, Durations durations) {
}
