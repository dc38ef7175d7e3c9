package io.mutua.forecasting;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Forecast")
class DealHealthApiController {

    private final DealService deals;
    private final DealHealthLookup lookup;
    private final HealthReasonText text;

    DealHealthApiController(DealService deals, DealHealthLookup lookup, HealthReasonText text) {
        this.deals = deals;
        this.lookup = lookup;
        this.text = text;
    }

    record ReasonJson(String code, String message) {
    }

    record HealthJson(Health health, List<ReasonJson> reasons, LocalDate predictedClose, Integer slipBusinessDays,
            PredictionSource predictionSource, LocalDate expectedClose, LocalDate targetClose,
            Integer targetSlipBusinessDays, Instant computedAt) {
    }

    @GetMapping(Paths.API + "/deals/{id}/health")
    @Operation(summary = "Health of an open deal with its reasons (in the Accept-Language), its predicted close date "
            + "and the slip in business days past the rep's expected close and the buyer's target date")
    HealthJson health(Viewer viewer, @PathVariable UUID id, Locale locale) {
        DealForecast forecast = lookup.forecast(deals.get(viewer, new DealId(id)));
        return new HealthJson(forecast.health(), forecast.reasons().stream()
                .map(reason -> new ReasonJson(reason.code(), text.text(reason, locale))).toList(),
                forecast.predictedClose(), forecast.slipBusinessDays(), forecast.predictionSource(),
                forecast.expectedClose(), forecast.targetClose(), forecast.targetSlipBusinessDays(),
                forecast.computedAt());
    }
}
