package io.mutua.deals;

public enum DealStatus {
    OPEN, WON, LOST
}
