package io.mutua.deals;

import java.time.Instant;

/** A closed deal's time in one stage: from entering it to entering the next one. */
public record StageStay(DealId dealId, String stageKey, Instant enteredAt, Instant leftAt) {
}
