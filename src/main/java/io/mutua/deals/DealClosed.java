package io.mutua.deals;

import java.time.Instant;

/**
 * A deal was closed as won or lost. {@code reason} is the free-text details (null when none were given); the reason
 * from the admin's list and the competitor are on the deal ({@link DealView#closeReasonLabel()}).
 */
public record DealClosed(DealId dealId, Outcome outcome, String reason, Instant at) {
}
