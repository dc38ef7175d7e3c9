package io.mutua.forecasting;

import java.util.List;
import java.util.Objects;

/**
 * One reason a deal is at risk or stalled, as stored in {@code deal_health.reasons}: a code (its message is
 * {@code health.reason.<code>}), the severity it causes and the message's arguments (numbers, ISO dates, titles,
 * MEDDPICC element names) as text. {@link HealthReasonText} turns it into a sentence.
 */
public record HealthReason(String code, Health severity, List<String> args) {

    public HealthReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        args = List.copyOf(args);
    }
}
