package io.mutua.forecasting;

import io.mutua.deals.DealView;
import io.mutua.web.NotFoundException;
import org.springframework.stereotype.Component;

/** The forecast of a deal the viewer may see: as stored, or computed on the spot before the first run. */
@Component
class DealHealthLookup {

    private final DealForecasts forecasts;

    DealHealthLookup(DealForecasts forecasts) {
        this.forecasts = forecasts;
    }

    /** @throws NotFoundException when the deal is closed: only open deals have a forecast */
    DealForecast forecast(DealView visibleDeal) {
        if (!visibleDeal.open()) {
            throw new NotFoundException("health.notOpen");
        }
        return forecasts.stored(visibleDeal.id().value())
                .or(() -> forecasts.computeNow(visibleDeal.id().value()))
                .orElseThrow(() -> new NotFoundException("health.notOpen"));
    }
}
