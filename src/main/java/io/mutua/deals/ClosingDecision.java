package io.mutua.deals;

import java.util.UUID;

/**
 * What the person closing a deal says about it: the outcome, a reason from the admin's list for that outcome, and
 * optionally free-text details and the competitor. Blank texts count as absent.
 */
public record ClosingDecision(Outcome outcome, UUID reasonId, String details, String competitor) {

    public ClosingDecision {
        details = details == null || details.isBlank() ? null : details.trim();
        competitor = competitor == null || competitor.isBlank() ? null : competitor.trim();
    }
}
