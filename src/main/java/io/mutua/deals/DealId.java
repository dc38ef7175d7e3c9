package io.mutua.deals;

import java.util.Objects;
import java.util.UUID;

/** The public identifier of a deal. */
public record DealId(UUID value) {

    public DealId {
        Objects.requireNonNull(value, "value");
    }

    public static DealId of(String value) {
        return new DealId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
