package io.mutua.forecasting;

/** How long closed deals spent in one stage. */
public record StageDuration(String stage, String stageName, Durations durations) {
}
