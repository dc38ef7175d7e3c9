package io.mutua.plans;

import io.mutua.deals.DealClosed;
import io.mutua.deals.DealStageChanged;
import io.mutua.deals.Pipeline;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Generates the closing plan when a deal reaches the field sales team (enters the trigger stage, or is created
 * at or past it) and closes the plan when the deal closes. The events are kept in the publication registry until
 * handled, so a crash in between only delays the plan: generation is idempotent.
 */
@Component
class DealPlanListener {

    private final Pipeline pipeline;
    private final PlanGenerator generator;
    private final PlanService plans;

    DealPlanListener(Pipeline pipeline, PlanGenerator generator, PlanService plans) {
        this.pipeline = pipeline;
        this.generator = generator;
        this.plans = plans;
    }

    @ApplicationModuleListener
    void on(DealStageChanged event) {
        if (pipeline.isAtOrPastTrigger(event.toStage())) {
            generator.generateIfMissing(event.dealId(), null);
        }
    }

    @ApplicationModuleListener
    void on(DealClosed event) {
        plans.closeForDeal(event.dealId());
    }
}
