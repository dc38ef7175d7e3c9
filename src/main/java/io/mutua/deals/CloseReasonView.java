package io.mutua.deals;

import java.util.UUID;

/** A reason the admin lists for winning or losing a deal; retired ones are no longer offered. */
public record CloseReasonView(UUID id, Outcome outcome, String label, int position, boolean active, long version) {
}
