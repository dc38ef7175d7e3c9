package io.mutua.deals;

import java.time.Instant;
import java.util.UUID;

/** A deal entered a stage: created in it ({@code fromStage} null), moved, or closed into won/lost. */
public record DealStageChanged(DealId dealId, String fromStage, String toStage, boolean triggersPlan, UUID ownerId,
        UUID actorId, Instant at) {
}
