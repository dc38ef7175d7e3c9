package io.mutua.insights;

import io.mutua.insights.StepEstimateHistory.Point;
import io.mutua.insights.StepEstimateHistory.StepEstimate;
import io.mutua.forecasting.DurationStatistics;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** How each playbook step's estimate evolved month by month: one line chart, and the figures in a table. */
@Controller
public class StepEstimatesController {

    static final String PATH = "/insights/estimates";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StepEstimateHistory history;

    StepEstimatesController(StepEstimateHistory history) {
        this.history = history;
    }

    /** One month-end of one step: the median as the reader reads it, the samples, and whether it dated plans. */
    public record Cell(String median, int samples, boolean used) {
    }

    public record Row(String key, List<Cell> cells) {
    }

    public record EstimatesPage(List<String> months, List<Row> rows, String chartLabels, String chartDatasets,
            int minSamples) {
    }

    @GetMapping(PATH)
    String show(Locale locale, Model model) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("LLL yyyy", locale);
        List<String> months = history.monthEnds().stream().map(monthFormat::format).toList();
        List<StepEstimate> steps = history.history();
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (StepEstimate step : steps) {
            rows.add(new Row(step.key(), step.points().stream()
                    .map(p -> new Cell(p.medianBusinessDays() == null ? "–" : format.format(p.medianBusinessDays()),
                            p.samples(), p.usedForEstimates()))
                    .toList()));
            Map<String, Object> dataset = new HashMap<>();
            dataset.put("label", step.key());
            dataset.put("data", step.points().stream().map(Point::medianBusinessDays).toList());
            datasets.add(dataset);
        }
        model.addAttribute("page", new EstimatesPage(months, rows, JSON.writeValueAsString(months),
                JSON.writeValueAsString(datasets), DurationStatistics.MIN_SAMPLES));
        return "insights/estimates";
    }
}
