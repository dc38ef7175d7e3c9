package io.mutua.forecasting;

import io.mutua.forecasting.Forecast.Figures;
import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ForecastApiController.PATH)
@Tag(name = "Forecast")
class ForecastApiController {

    static final String PATH = Paths.API + "/forecast";

    private final Forecasts forecasts;
    private final HealthReasonText text;

    ForecastApiController(Forecasts forecasts, HealthReasonText text) {
        this.forecasts = forecasts;
        this.text = text;
    }

    @Schema(description = "The open deals of one currency whose close date falls in one month (or bucket)")
    record MonthJson(
            @Schema(description = "The close month, yyyy-MM; null in overdue, later and undated", example = "2026-12")
            String month,
            @Schema(description = "ISO 4217 currency; amounts of different currencies are never added up",
                    example = "EUR") String currency,
            @Schema(description = "Number of open deals") long deals,
            @Schema(description = "Sum of their amounts") BigDecimal amount,
            @Schema(description = "Sum of amount × the probability of each deal's current stage / 100, rounded to cents")
            BigDecimal weightedAmount) {

        static MonthJson from(Figures figures) {
            return new MonthJson(figures.month() == null ? null : figures.bucket(), figures.currency(),
                    figures.deals(), figures.amount(), figures.weightedAmount());
        }
    }

    record ReasonJson(@Schema(description = "Reason code, e.g. STEPS_OVERDUE") String code,
            @Schema(description = "The reason in the request's language") String message) {
    }

    record AtRiskJson(UUID dealId, String name, String account,
            @Schema(description = "Owner's name") String owner,
            @Schema(description = "Current stage's name") String stage, BigDecimal amount, String currency,
            @Schema(description = "AT_RISK or STALLED") String health, LocalDate predictedClose,
            @Schema(description = "Business days from the rep's expected close to the predicted close; positive = later")
            Integer slipBusinessDays,
            List<ReasonJson> reasons) {
    }

    record SlipJson(UUID dealId, String name,
            @Schema(description = "Predicted close before this month began (or when first predicted this month)")
            LocalDate from,
            @Schema(description = "Latest predicted close") LocalDate to,
            @Schema(description = "Business days it moved later") int businessDays) {
    }

    record ForecastJson(
            @Schema(description = "predicted or expected: which close date placed the deals in months") String by,
            @Schema(description = "This month and the eleven after it, per currency, months without deals left out")
            List<MonthJson> months,
            @Schema(description = "Deals whose close date is before today") List<MonthJson> overdue,
            @Schema(description = "Deals whose close date is after the twelve months") List<MonthJson> later,
            @Schema(description = "Deals without that close date") List<MonthJson> undated,
            @Schema(description = "Deals at risk or stalled, stalled first then by amount (at most 100)")
            List<AtRiskJson> atRisk,
            @Schema(description = "How many deals are at risk or stalled in all") long atRiskTotal,
            @Schema(description = "The ten deals whose predicted close moved later most this month")
            List<SlipJson> slippedThisMonth) {
    }

    @GetMapping
    @Operation(summary = "The pipeline of the open deals the caller may see by close month (ADMIN all, MANAGER the "
            + "team's, REP their own; 403 for customer success), with the deals at risk and those that slipped most "
            + "this month; 400 for an unknown `by`")
    ForecastJson forecast(Viewer viewer, Locale locale,
            @Parameter(description = "predicted (default) or expected") @RequestParam(required = false) String by,
            @Parameter(description = "Only this team's deals") @RequestParam(required = false) UUID team,
            @Parameter(description = "Only this owner's deals") @RequestParam(required = false) UUID owner) {
        ForecastBasis basis = ForecastBasis.parse(by);
        Forecast forecast = forecasts.forecast(viewer, team, owner);
        List<Figures> figures = forecast.figures().stream().filter(f -> f.basis() == basis).toList();
        return new ForecastJson(basis.param(),
                figures.stream().filter(f -> f.month() != null)
                        .sorted(Comparator.comparing(Figures::bucket).thenComparing(Figures::currency))
                        .map(MonthJson::from).toList(),
                bucket(figures, Forecast.OVERDUE), bucket(figures, Forecast.LATER), bucket(figures, Forecast.UNDATED),
                forecast.atRisk().stream().map(deal -> new AtRiskJson(deal.dealId(), deal.name(), deal.account(),
                        deal.owner(), deal.stage(), deal.amount(), deal.currency(), deal.health(),
                        deal.predictedClose(), deal.slipBusinessDays(), deal.reasons().stream()
                                .map(reason -> new ReasonJson(reason.code(), text.text(reason, locale))).toList()))
                        .toList(),
                forecast.atRiskTotal(),
                forecast.slipped().stream().map(slip -> new SlipJson(slip.dealId(), slip.name(), slip.from(),
                        slip.to(), slip.businessDays())).toList());
    }

    private static List<MonthJson> bucket(List<Figures> figures, String bucket) {
        return figures.stream().filter(f -> f.bucket().equals(bucket))
                .sorted(Comparator.comparing(Figures::currency)).map(MonthJson::from).toList();
    }
}
