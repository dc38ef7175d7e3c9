package io.mutua.plans;

import java.util.List;

/** The result of a step edit: the step as saved and the steps the slip cascade moved with it. */
public record StepChange(StepView step, List<StepView> moved, PlanView plan) {
}
