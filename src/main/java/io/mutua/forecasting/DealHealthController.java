package io.mutua.forecasting;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.Viewer;
import io.mutua.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The health badge of a deal for sellers, loaded by the deal page and the seller plan page ({@code hx-get} on
 * load); on its own page without htmx. Buyers never reach it: it is not under {@code /b}.
 */
@Controller
public class DealHealthController {

    static final String PATH = "/deals/{id}/health";

    private final DealService deals;
    private final DealHealthLookup lookup;
    private final HealthReasonText text;

    DealHealthController(DealService deals, DealHealthLookup lookup, HealthReasonText text) {
        this.deals = deals;
        this.lookup = lookup;
        this.text = text;
    }

    /** The badge of an open deal: reasons already in the reader's language, worst first. */
    public record HealthPanel(UUID dealId, String dealName, Health health, String healthName, List<String> reasons,
            LocalDate predictedClose, String source, LocalDate expectedClose, String slip, LocalDate targetClose,
            String targetSlip) {

        public String cssClass() {
            return "health-" + health.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @GetMapping(PATH)
    String health(Viewer viewer, @PathVariable UUID id, Locale locale, HttpServletRequest request, Model model) {
        DealView deal = deals.get(viewer, new DealId(id));
        DealForecast forecast = lookup.forecast(deal);
        model.addAttribute("panel", new HealthPanel(id, deal.name(), forecast.health(),
                text.name(forecast.health(), locale),
                forecast.reasons().stream().map(reason -> text.text(reason, locale)).toList(),
                forecast.predictedClose(), text.source(forecast.predictionSource(), locale),
                forecast.expectedClose(), slip(forecast.slipBusinessDays(), locale), forecast.targetClose(),
                slip(forecast.targetSlipBusinessDays(), locale)));
        return Htmx.isHtmx(request) ? "forecasting/health" : "forecasting/health-page";
    }

    private String slip(Integer businessDays, Locale locale) {
        return businessDays == null ? null : text.slip(businessDays, locale);
    }
}
