package io.mutua.plans;

/** Where a step's duration came from, best first; MANUAL once a person set the date. */
public enum EstimateSource {
    STEP_HISTORY, STAGE_HISTORY, PLAYBOOK_DEFAULT, MANUAL
}
