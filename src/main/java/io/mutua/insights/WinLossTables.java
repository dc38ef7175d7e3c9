package io.mutua.insights;

import io.mutua.insights.WinLossReport.CycleTime;
import io.mutua.insights.WinLossReport.Group;
import io.mutua.insights.WinLossReport.Outcomes;
import io.mutua.insights.WinLossReport.Slip;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The win-loss figures as the tables people read and download: each table has its header, its rows (each cell
 * once formatted for the reader and once plain for CSV) and, where a picture says it faster, a chart of the same
 * figures.
 */
@Component
public class WinLossTables {

    static final List<String> NAMES = List.of("outcomes", "cycle", "plan", "mapSize", "buyers", "stalled", "slips",
            "reasons", "competitors");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    WinLossTables(MessageSource messages) {
        this.messages = messages;
    }

    /** One cell: what the page shows and what the CSV holds. */
    public record Cell(String text, String plain) {
    }

    /** A Chart.js chart of the table: its type, and labels and datasets as JSON. */
    public record Chart(String type, String labels, String datasets) {
    }

    public record Table(String name, String title, String hint, List<String> headers, List<List<Cell>> rows,
            Chart chart) {
    }

    List<Table> tables(WinLossReport report, Locale locale) {
        Format format = new Format(locale);
        List<Table> tables = new ArrayList<>();
        tables.add(outcomes(report.total(), format, locale));
        tables.add(cycle(report, format, locale));
        tables.add(groups("plan", t("winLoss.plan", locale), t("winLoss.plan.hint", locale),
                t("winLoss.plan.column", locale), report.byPlan(), key -> switch (key) {
                    case WinLossAnalysis.PLAN_MAP -> t("winLoss.plan.map", locale);
                    case WinLossAnalysis.PLAN_CLOSING -> t("winLoss.plan.closing", locale);
                    default -> t("winLoss.plan.none", locale);
                }, format, locale));
        tables.add(groups("mapSize", t("winLoss.mapSize", locale), t("winLoss.mapSize.hint", locale),
                t("winLoss.mapSize.column", locale), report.byMapSize(), key -> key.replace('-', '–'), format,
                locale));
        tables.add(groups("buyers", t("winLoss.buyers", locale), t("winLoss.buyers.hint", locale),
                t("winLoss.buyers.column", locale), report.byBuyers(), key -> key.replace('-', '–'), format, locale));
        tables.add(stalled(report, format, locale));
        tables.add(slips(report, format, locale));
        tables.add(reasons(report, format, locale));
        tables.add(competitors(report, format, locale));
        return tables;
    }

    private Table outcomes(Outcomes total, Format format, Locale locale) {
        List<List<Cell>> rows = List.of(List.of(format.count(total.won()), format.count(total.lost()),
                format.count(total.total()), format.rate(total.winRate())));
        return new Table("outcomes", t("winLoss.outcomes", locale), t("winLoss.outcomes.hint", locale),
                List.of(t("winLoss.won", locale), t("winLoss.lost", locale), t("winLoss.total", locale),
                        t("winLoss.winRate", locale)),
                rows, total.total() == 0 ? null : new Chart("doughnut",
                        json(List.of(t("winLoss.won", locale), t("winLoss.lost", locale))),
                        json(List.of(Map.of("label", t("winLoss.deals", locale),
                                "data", List.of(total.won(), total.lost()))))));
    }

    private Table cycle(WinLossReport report, Format format, Locale locale) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> labels = List.of(t("winLoss.won", locale), t("winLoss.lost", locale));
        List<CycleTime> cycles = List.of(report.wonCycle(), report.lostCycle());
        for (int i = 0; i < 2; i++) {
            CycleTime cycle = cycles.get(i);
            rows.add(List.of(format.text(labels.get(i)), format.count(cycle.deals()),
                    format.number(cycle.medianDays()), format.number(cycle.p80Days() == null ? null
                            : cycle.p80Days().doubleValue())));
        }
        return new Table("cycle", t("winLoss.cycle", locale), t("winLoss.cycle.hint", locale),
                List.of(t("winLoss.outcome", locale), t("winLoss.deals", locale), t("winLoss.medianDays", locale),
                        t("winLoss.p80Days", locale)),
                rows, new Chart("bar", json(labels), json(List.of(
                        Map.of("label", t("winLoss.medianDays", locale), "data",
                                cycles.stream().map(c -> zero(c.medianDays())).toList()),
                        Map.of("label", t("winLoss.p80Days", locale), "data",
                                cycles.stream().map(c -> c.p80Days() == null ? 0 : c.p80Days()).toList())))));
    }

    private Table groups(String name, String title, String hint, String column, List<Group> groups,
            Function<String, String> label, Format format, Locale locale) {
        List<List<Cell>> rows = groups.stream()
                .map(group -> List.of(format.text(label.apply(group.key())), format.count(group.outcomes().won()),
                        format.count(group.outcomes().lost()), format.count(group.outcomes().total()),
                        format.rate(group.outcomes().winRate())))
                .toList();
        return new Table(name, title, hint, List.of(column, t("winLoss.won", locale), t("winLoss.lost", locale),
                t("winLoss.total", locale), t("winLoss.winRate", locale)), rows,
                new Chart("bar", json(groups.stream().map(g -> label.apply(g.key())).toList()),
                        json(List.of(Map.of("label", t("winLoss.winRatePercent", locale), "data", groups.stream()
                                .map(g -> percent(g.outcomes().winRate())).toList())))));
    }

    private Table stalled(WinLossReport report, Format format, Locale locale) {
        List<List<Cell>> rows = report.stalled().stream()
                .map(stage -> List.of(format.text(stage.name()), format.count(stage.deals()))).toList();
        return new Table("stalled", t("winLoss.stalled", locale), t("winLoss.stalled.hint", locale),
                List.of(t("winLoss.stage", locale), t("winLoss.lostDeals", locale)), rows,
                rows.isEmpty() ? null : new Chart("bar",
                        json(report.stalled().stream().map(WinLossReport.StageCount::name).toList()),
                        json(List.of(Map.of("label", t("winLoss.lostDeals", locale), "data",
                                report.stalled().stream().map(WinLossReport.StageCount::deals).toList())))));
    }

    private Table slips(WinLossReport report, Format format, Locale locale) {
        List<List<Cell>> rows = new ArrayList<>();
        for (WinLossReport.StepSlip step : report.slips()) {
            List<Cell> row = new ArrayList<>();
            row.add(format.text(step.key()));
            for (Slip slip : List.of(step.all(), step.won(), step.lost())) {
                row.add(format.count(slip.steps()));
                row.add(format.number(slip.medianBusinessDays()));
                row.add(format.rate(slip.lateShare()));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add(t("winLoss.step", locale));
        for (String side : List.of(t("winLoss.all", locale), t("winLoss.won", locale), t("winLoss.lost", locale))) {
            headers.add(t("winLoss.slips.steps", locale, side));
            headers.add(t("winLoss.slips.median", locale, side));
            headers.add(t("winLoss.slips.late", locale, side));
        }
        return new Table("slips", t("winLoss.slips", locale), t("winLoss.slips.hint", locale), headers, rows,
                rows.isEmpty() ? null : new Chart("bar",
                        json(report.slips().stream().map(WinLossReport.StepSlip::key).toList()),
                        json(List.of(
                                Map.of("label", t("winLoss.slips.median", locale, t("winLoss.won", locale)), "data",
                                        report.slips().stream().map(s -> zero(s.won().medianBusinessDays())).toList()),
                                Map.of("label", t("winLoss.slips.median", locale, t("winLoss.lost", locale)), "data",
                                        report.slips().stream().map(s -> zero(s.lost().medianBusinessDays()))
                                                .toList())))));
    }

    private Table reasons(WinLossReport report, Format format, Locale locale) {
        List<List<Cell>> rows = report.reasons().stream()
                .map(reason -> List.of(format.text(t("WON".equals(reason.outcome()) ? "winLoss.won" : "winLoss.lost",
                        locale)), format.text(reason.label()), format.count(reason.deals())))
                .toList();
        return new Table("reasons", t("winLoss.reasons", locale), t("winLoss.reasons.hint", locale),
                List.of(t("winLoss.outcome", locale), t("winLoss.reason", locale), t("winLoss.deals", locale)), rows,
                rows.isEmpty() ? null : new Chart("bar",
                        json(report.reasons().stream().map(WinLossReport.ReasonCount::label).toList()),
                        json(List.of(Map.of("label", t("winLoss.deals", locale), "data",
                                report.reasons().stream().map(WinLossReport.ReasonCount::deals).toList())))));
    }

    private Table competitors(WinLossReport report, Format format, Locale locale) {
        List<List<Cell>> rows = report.competitors().stream()
                .map(c -> List.of(format.text(c.competitor()), format.count(c.won()), format.count(c.lost())))
                .toList();
        return new Table("competitors", t("winLoss.competitors", locale), t("winLoss.competitors.hint", locale),
                List.of(t("winLoss.competitor", locale), t("winLoss.won", locale), t("winLoss.lost", locale)), rows,
                rows.isEmpty() ? null : new Chart("bar",
                        json(report.competitors().stream().map(WinLossReport.CompetitorCount::competitor).toList()),
                        json(List.of(
                                Map.of("label", t("winLoss.won", locale), "data",
                                        report.competitors().stream().map(WinLossReport.CompetitorCount::won).toList()),
                                Map.of("label", t("winLoss.lost", locale), "data", report.competitors().stream()
                                        .map(WinLossReport.CompetitorCount::lost).toList())))));
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }

    private static double percent(Double rate) {
        return rate == null ? 0 : Math.round(rate * 1000) / 10.0;
    }

    private String t(String key, Locale locale, Object... args) {
        return Objects.requireNonNull(messages.getMessage(key, args, locale));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Numbers for the reader (in their language) and for CSV (plain, with a decimal point). */
    private static final class Format {

        private final NumberFormat number;
        private final NumberFormat percent;

        Format(Locale locale) {
            number = NumberFormat.getNumberInstance(locale);
            number.setMaximumFractionDigits(1);
            percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(1);
        }

        Cell text(String text) {
            return new Cell(text, text);
        }

        Cell count(long value) {
            return new Cell(number.format(value), Long.toString(value));
        }

        Cell number(Double value) {
            return value == null ? new Cell("–", "") : new Cell(number.format(value), plain(value));
        }

        Cell rate(Double rate) {
            return rate == null ? new Cell("–", "") : new Cell(percent.format(rate), plain(percent(rate)));
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
