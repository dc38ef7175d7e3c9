package io.mutua.forecasting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The forecast of one open deal, as kept in {@code deal_health}: its health with the reasons (worst first), the
 * predicted close date and how far it slips past the rep's expected close and the buyer's target date (business
 * days, positive = later, null when a date is missing).
 */
public record DealForecast(UUID dealId, UUID planId, Health health, List<HealthReason> reasons,
        LocalDate predictedClose, PredictionSource predictionSource, LocalDate expectedClose, LocalDate targetClose,
        Integer slipBusinessDays, Integer targetSlipBusinessDays, Instant computedAt) {

    public DealForecast {
        reasons = List.copyOf(reasons);
    }
}
