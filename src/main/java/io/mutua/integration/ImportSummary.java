package io.mutua.integration;

import java.io.Serializable;

/** What an import did: steps added and updated, rows that changed nothing, and milestones it created. */
public record ImportSummary(int added, int updated, int unchanged, int milestonesCreated) implements Serializable {
}
