package io.mutua.deals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One entry of a deal's stage history; {@code timeInStage} runs until the next change (or now). */
public record StageChangeView(String fromStage, String fromStageName, String toStage, String toStageName,
        Instant changedAt, UUID actorId, String actorName, String actorEmail, Duration timeInStage) {
}
