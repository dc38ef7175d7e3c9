package io.mutua.insights;

import io.mutua.deals.DealClosed;
import io.mutua.deals.Outcome;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A deal won is handed over to customer success; the handoff is made once, however often the event comes. */
@Component
class HandoffListener {

    private final Handoffs handoffs;

    HandoffListener(Handoffs handoffs) {
        this.handoffs = handoffs;
    }

    @ApplicationModuleListener
    void on(DealClosed event) {
        if (event.outcome() == Outcome.WON) {
            handoffs.create(event.dealId());
        }
    }
}
