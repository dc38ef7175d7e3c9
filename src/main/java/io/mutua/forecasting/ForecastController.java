package io.mutua.forecasting;

import io.mutua.forecasting.Forecast.AtRisk;
import io.mutua.forecasting.Forecast.Figures;
import io.mutua.forecasting.Forecast.Slip;
import io.mutua.identity.Viewer;
import io.mutua.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The forecast page: pipeline by close month per currency, deals at risk, and the ones that slipped most. */
@Controller
public class ForecastController {

    static final String PATH = "/forecast";
    public static final String BODY_ID = "forecast-body";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Forecasts forecasts;
    private final ForecastScopes scopes;
    private final HealthReasonText text;
    private final MessageSource messages;

    ForecastController(Forecasts forecasts, ForecastScopes scopes, HealthReasonText text, MessageSource messages) {
        this.forecasts = forecasts;
        this.scopes = scopes;
        this.text = text;
        this.messages = messages;
    }

    public record Choice(String id, String name, boolean selected) {
    }

    public record Filters(String by, List<Choice> teams, List<Choice> owners) {

        public boolean byExpected() {
            return ForecastBasis.EXPECTED.param().equals(by);
        }
    }

    /** Deals, amount and weighted amount of one bucket; zeros when it has none. */
    public record Cell(long deals, BigDecimal amount, BigDecimal weightedAmount) {

        static final Cell EMPTY = new Cell(0, BigDecimal.ZERO, BigDecimal.ZERO);

        static Cell of(Figures figures) {
            return figures == null ? EMPTY : new Cell(figures.deals(), figures.amount(), figures.weightedAmount());
        }
    }

    public record MonthRow(String label, Cell predicted, Cell expected) {
    }

    /** One currency's pipeline; the chart gets the same figures as the table, as JSON in data attributes. */
    public record CurrencySection(String currency, List<MonthRow> rows, MonthRow total, String chartLabels,
            String chartDatasets) {
    }

    public record HealthCount(String state, String label, long deals) {
    }

    public record RiskRow(AtRisk deal, String health, List<String> reasons) {
    }

    public record ForecastPage(Filters filters, List<CurrencySection> currencies, List<HealthCount> health,
            String healthLabels, String healthData, List<RiskRow> atRisk, long atRiskTotal, List<Slip> slipped) {
    }

    @GetMapping(PATH)
    String show(Viewer viewer, Locale locale, @RequestParam(required = false) String by,
            @RequestParam(required = false) UUID team, @RequestParam(required = false) UUID owner,
            HttpServletRequest request, Model model) {
        ForecastBasis basis = ForecastBasis.parse(by);
        Forecast forecast = forecasts.forecast(viewer, team, owner);
        Filters filters = new Filters(basis.param(),
                scopes.teams(viewer).stream().map(t -> choice(t, team)).toList(),
                scopes.owners(viewer, team).stream().map(o -> choice(o, owner)).toList());
        List<HealthCount> health = forecast.healthCounts().entrySet().stream()
                .map(e -> new HealthCount(e.getKey(), text.name(Health.valueOf(e.getKey()), locale), e.getValue())).toList();
        model.addAttribute("page", new ForecastPage(filters, currencies(forecast, basis, locale), health,
                json(health.stream().map(HealthCount::label).toList()),
                json(List.of(Map.of("label", t("forecast.health.deals", locale),
                        "data", health.stream().map(HealthCount::deals).toList()))),
                forecast.atRisk().stream().map(deal -> new RiskRow(deal, text.name(Health.valueOf(deal.health()), locale),
                        deal.reasons().stream().map(reason -> text.text(reason, locale)).toList())).toList(),
                forecast.atRiskTotal(), forecast.slipped()));
        return Htmx.isHtmx(request) ? "forecasting/forecast-body" : "forecasting/forecast";
    }

    private static Choice choice(ForecastScopes.Choice choice, UUID selected) {
        return new Choice(choice.id().toString(), choice.name(), choice.id().equals(selected));
    }

    private List<CurrencySection> currencies(Forecast forecast, ForecastBasis basis, Locale locale) {
        Map<String, List<Figures>> byCurrency = forecast.figures().stream()
                .collect(Collectors.groupingBy(Figures::currency, LinkedHashMap::new, Collectors.toList()));
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("LLL yyyy", locale);
        List<String> buckets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        buckets.add(Forecast.OVERDUE);
        labels.add(t("forecast.bucket.overdue", locale));
        for (YearMonth month : forecast.months()) {
            buckets.add(month.toString());
            labels.add(monthFormat.format(month));
        }
        buckets.add(Forecast.LATER);
        labels.add(t("forecast.bucket.later", locale));
        buckets.add(Forecast.UNDATED);
        labels.add(t("forecast.bucket.undated", locale));
        return byCurrency.entrySet().stream()
                .map(entry -> section(entry.getKey(), entry.getValue(), buckets, labels, basis, locale))
                .sorted(Comparator.comparing((CurrencySection s) -> s.total().predicted().amount()).reversed()
                        .thenComparing(CurrencySection::currency))
                .toList();
    }

    private CurrencySection section(String currency, List<Figures> figures, List<String> buckets,
            List<String> labels, ForecastBasis basis, Locale locale) {
        List<MonthRow> rows = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            String bucket = buckets.get(i);
            rows.add(new MonthRow(labels.get(i), Cell.of(find(figures, ForecastBasis.PREDICTED, bucket)),
                    Cell.of(find(figures, ForecastBasis.EXPECTED, bucket))));
        }
        MonthRow total = new MonthRow(t("forecast.total", locale), sum(rows, MonthRow::predicted),
                sum(rows, MonthRow::expected));
        List<Map<String, Object>> datasets = new ArrayList<>();
        List<ForecastBasis> order = basis == ForecastBasis.PREDICTED
                ? List.of(ForecastBasis.PREDICTED, ForecastBasis.EXPECTED)
                : List.of(ForecastBasis.EXPECTED, ForecastBasis.PREDICTED);
        for (String kind : List.of("amount", "weighted")) {
            for (ForecastBasis each : order) {
                datasets.add(Map.of("label", t("forecast.chart." + kind + "." + each.param(), locale),
                        "kind", kind,
                        "data", rows.stream().map(row -> each == ForecastBasis.PREDICTED ? row.predicted() : row.expected())
                                .map(cell -> kind.equals("amount") ? cell.amount() : cell.weightedAmount()).toList()));
            }
        }
        return new CurrencySection(currency, rows, total, json(labels), json(datasets));
    }

    private static Figures find(List<Figures> figures, ForecastBasis basis, String bucket) {
        return figures.stream().filter(f -> f.basis() == basis && f.bucket().equals(bucket)).findFirst().orElse(null);
    }

    private static Cell sum(List<MonthRow> rows, java.util.function.Function<MonthRow, Cell> side) {
        return rows.stream().map(side).reduce(Cell.EMPTY, (a, b) -> new Cell(a.deals() + b.deals(),
                a.amount().add(b.amount()), a.weightedAmount().add(b.weightedAmount())));
    }

    private String t(String key, Locale locale) {
        return Objects.requireNonNull(messages.getMessage(key, null, locale));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
