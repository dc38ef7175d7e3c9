package io.mutua.deals;

/** How a deal ended. */
public enum Outcome {
    WON, LOST;

    DealStatus status() {
        return this == WON ? DealStatus.WON : DealStatus.LOST;
    }
}
