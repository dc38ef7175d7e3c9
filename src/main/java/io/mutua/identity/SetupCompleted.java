package io.mutua.identity;

import java.util.UUID;

/**
 * The first admin exists. When sample data was asked for, {@code sampleTeamId} is the sample team whose
 * members other modules give sample work to; otherwise it is {@code null}.
 */
public record SetupCompleted(UUID adminId, UUID sampleTeamId) {

    /** The order of the listeners that build sample data, each on the previous ones' data. */
    public static final int ORDER_SAMPLE_DEALS = 10;
    public static final int ORDER_SAMPLE_PLANS = 20;

    public boolean withSampleData() {
        return sampleTeamId != null;
    }
}
