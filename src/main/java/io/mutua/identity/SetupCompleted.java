package io.mutua.identity;

import java.util.UUID;

/**
 * The first admin exists. When sample data was asked for, {@code sampleTeamId} is the sample team whose
 * members other modules give sample work to; otherwise it is {@code null}.
 */
public record SetupCompleted(UUID adminId, UUID sampleTeamId) {

    public boolean withSampleData() {
        return sampleTeamId != null;
    }
}
