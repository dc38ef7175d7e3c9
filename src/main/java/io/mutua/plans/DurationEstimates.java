package io.mutua.plans;

/**
 * How long a step will take, learned from this team's history. Implemented by the forecasting module, which
 * reads the history of deals and plans; plans only ask.
 */
public interface DurationEstimates {

    /**
     * @param stepKey the playbook step's stable key
     * @param stageKey the pipeline stage the step belongs to
     * @param stepsInStage how many steps of the same playbook share that stage (they share its duration)
     * @param defaultDays the playbook's default, used when history says too little
     */
    Estimate estimate(String stepKey, String stageKey, int stepsInStage, int defaultDays);

    /** A duration in business days, where it came from and from how many samples. */
    record Estimate(int days, EstimateSource source, int samples) {

        public Estimate {
            if (days < 1) {
                throw new IllegalArgumentException("A step takes at least one business day: " + days);
            }
        }
    }
}
