package io.mutua.forecasting;

import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How long stages and steps take in this team, as the plans are dated by them. */
@RestController
@Tag(name = "Insights")
class InsightsApiController {

    static final String PATH = Paths.API + "/insights";

    private final DurationStatistics statistics;

    InsightsApiController(DurationStatistics statistics) {
        this.statistics = statistics;
    }

    /** {@code usedForEstimates}: enough samples ({@value DurationStatistics#MIN_SAMPLES}) to date plans by. */
    record StageDurationJson(String stage, String name, int sampleSize, double medianBusinessDays,
            double meanBusinessDays, int p80BusinessDays, boolean usedForEstimates) {

        static StageDurationJson from(StageDuration stage) {
            Durations durations = stage.durations();
            return new StageDurationJson(stage.stage(), stage.stageName(), durations.sampleSize(), durations.median(),
                    durations.mean(), durations.p80(), durations.usedForEstimates());
        }
    }

    record StepDurationJson(String key, int sampleSize, double medianBusinessDays, double meanBusinessDays,
            int p80BusinessDays, boolean usedForEstimates) {

        static StepDurationJson from(StepDuration step) {
            Durations durations = step.durations();
            return new StepDurationJson(step.key(), durations.sampleSize(), durations.median(), durations.mean(),
                    durations.p80(), durations.usedForEstimates());
        }
    }

    @GetMapping(PATH + "/stage-durations")
    @Operation(summary = "Business days that closed deals of the last 12 months spent in each open stage, in "
            + "pipeline order; stages no such deal went through are left out")
    List<StageDurationJson> stageDurations() {
        return statistics.stages().stream().map(StageDurationJson::from).toList();
    }

    @GetMapping(PATH + "/step-durations")
    @Operation(summary = "Business days that playbook steps took in plan steps done in the last 12 months, by "
            + "step key")
    List<StepDurationJson> stepDurations() {
        return statistics.steps().stream().map(StepDurationJson::from).toList();
    }
}
