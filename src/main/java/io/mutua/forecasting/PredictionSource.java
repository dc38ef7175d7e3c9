package io.mutua.forecasting;

/** Where a predicted close date came from: the deal's plan, its stages' usual durations, or nowhere. */
public enum PredictionSource {
    PLAN, STAGES, NONE
}
