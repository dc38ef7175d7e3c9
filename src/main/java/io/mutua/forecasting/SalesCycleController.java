package io.mutua.forecasting;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The "Sales cycle" page: how long stages and steps really take here, and which figures date new plans. */
@Controller
public class SalesCycleController {

    static final String PATH = "/insights/sales-cycle";

    private final DurationStatistics statistics;

    SalesCycleController(DurationStatistics statistics) {
        this.statistics = statistics;
    }

    /** One line of figures, in business days, already formatted for the reader. */
    public record Row(String key, String name, int samples, String median, String mean, int p80, boolean used) {

        static Row of(String key, String name, Durations durations, NumberFormat format) {
            return new Row(key, name, durations.sampleSize(), format.format(durations.median()),
                    format.format(durations.mean()), durations.p80(), durations.usedForEstimates());
        }
    }

    public record SalesCyclePage(List<Row> stages, List<Row> steps, int minSamples) {
    }

    @GetMapping(PATH)
    String show(Locale locale, Model model) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(1);
        List<Row> stages = statistics.stages().stream()
                .map(stage -> Row.of(stage.stage(), stage.stageName(), stage.durations(), format))
                .toList();
        List<Row> steps = statistics.steps().stream()
                .map(step -> Row.of(step.key(), step.key(), step.durations(), format))
                .toList();
        model.addAttribute("page", new SalesCyclePage(stages, steps, DurationStatistics.MIN_SAMPLES));
        return "forecasting/sales-cycle";
    }
}
