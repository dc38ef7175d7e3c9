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
        Optional<Durations> step = stepKey == null ? Optional.empty() : enough(statistics.step(stepKey));
        if (step.isPresent()) {
            return new Estimate(Math.max(1, (int) Math.round(step.get().median())), EstimateSource.STEP_HISTORY,
                    step.get().sampleSize());
        }
        Optional<Durations> stage = stageKey == null ? Optional.empty() : enough(statistics.stage(stageKey));
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
