package io.mutua.forecasting;

/** How a deal is doing, from best to worst; the worst of its reasons decides. */
public enum Health {
    ON_TRACK, AT_RISK, STALLED;

    Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
