package io.mutua.forecasting;

import io.mutua.plans.DurationEstimates;
import io.mutua.plans.EstimateSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Dates plans by history: the step's own median when it has been done often enough, else its stage's median
 * shared among the stage's steps, else the playbook's default.
 */
@Component
class LearnedEstimates implements DurationEstimates {

    private final DurationStatistics statistics;

    LearnedEstimates(DurationStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Estimate estimate(String stepKey, String stageKey, int stepsInStage, int defaultDays) {
        return estimate(stepKey == null ? Optional.empty() : statistics.step(stepKey),
                stageKey == null ? Optional.empty() : statistics.stage(stageKey), stepsInStage, defaultDays);
    }

    /**
     * The same estimates from one reading of the statistics, for a run over many plans (the figures do not change
     * under it, and are not re-read for every step).
     */
    static DurationEstimates frozen(DurationStatistics.Snapshot snapshot) {
        return (stepKey, stageKey, stepsInStage, defaultDays) -> estimate(
                Optional.ofNullable(stepKey == null ? null : snapshot.steps().get(stepKey)),
                Optional.ofNullable(stageKey == null ? null : snapshot.stages().get(stageKey)), stepsInStage,
                defaultDays);
    }

    private static Estimate estimate(Optional<Durations> stepDurations, Optional<Durations> stageDurations,
            int stepsInStage, int defaultDays) {
        Optional<Durations> step = enough(stepDurations);
        if (step.isPresent()) {
            return new Estimate(Math.max(1, (int) Math.round(step.get().median())), EstimateSource.STEP_HISTORY,
                    step.get().sampleSize());
        }
        Optional<Durations> stage = enough(stageDurations);
        if (stage.isPresent()) {
            int share = (int) Math.ceil(stage.get().median() / Math.max(1, stepsInStage));
            return new Estimate(Math.max(1, share), EstimateSource.STAGE_HISTORY, stage.get().sampleSize());
        }
        return new Estimate(Math.max(1, defaultDays), EstimateSource.PLAYBOOK_DEFAULT, 0);
    }

    private static Optional<Durations> enough(Optional<Durations> durations) {
        return durations.filter(Durations::usedForEstimates);
    }
}
