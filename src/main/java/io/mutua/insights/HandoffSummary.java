package io.mutua.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A handoff in the "Handoffs" list. */
public record HandoffSummary(UUID id, UUID dealId, String dealName, String account, BigDecimal amount,
        String currency, String ownerName, Instant createdAt, UUID onboardingPlanId) {

    public boolean onboardingStarted() {
        return onboardingPlanId != null;
    }
}
