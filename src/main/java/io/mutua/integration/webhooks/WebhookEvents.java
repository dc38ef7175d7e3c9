package io.mutua.integration.webhooks;

import io.mutua.deals.DealClosed;
import io.mutua.deals.DealFacts;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.insights.HandoffCreated;
import io.mutua.plans.PlanActivity;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanSigned;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens in Mutua into webhook messages: each listener only queues deliveries (no HTTP here). These go to
 * the company's own systems, so {@code step.updated} covers internal steps too and says which visibility each has.
 */
@Component
class WebhookEvents {

    /** The activity-log changes that are changes of a step (comments and attachments on a step are not). */
    static final Set<PlanChange> STEP_CHANGES = EnumSet.of(PlanChange.STATUS, PlanChange.TARGET_DATE,
            PlanChange.MOVED_BY_CASCADE, PlanChange.TITLE, PlanChange.DESCRIPTION, PlanChange.OWNERS,
            PlanChange.PINNED, PlanChange.VISIBILITY, PlanChange.STEP_ADDED, PlanChange.STEP_DELETED,
            PlanChange.STEP_REORDERED);

    private final WebhookOutbox outbox;
    private final DealService deals;
    private final PlanService plans;

    WebhookEvents(WebhookOutbox outbox, DealService deals, PlanService plans) {
        this.outbox = outbox;
        this.deals = deals;
        this.plans = plans;
    }

    @ApplicationModuleListener
    void on(DealClosed event) {
        outbox.publish(WebhookEventType.DEAL_CLOSED, event.dealId().value().toString(), event.at(), () -> {
            Map<String, Object> data = deal(event.dealId());
            data.put("outcome", event.outcome().name());
            data.put("reason", event.reason());
            data.put("closedAt", event.at().toString());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(HandoffCreated event) {
        outbox.publish(WebhookEventType.HANDOFF_CREATED, event.handoffId().toString(), event.at(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("handoffId", event.handoffId().toString());
            data.put("createdAt", event.at().toString());
            data.put("deal", deal(event.dealId()));
            return data;
        });
    }

    @ApplicationModuleListener
    void on(PlanSigned event) {
        outbox.publish(WebhookEventType.PLAN_SIGNED, event.planId() + ":" + event.at(), event.at(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("planId", event.planId().toString());
            data.put("signedAt", event.at().toString());
            data.put("deal", deal(event.dealId()));
            return data;
        });
    }

    @ApplicationModuleListener
    void on(PlanActivity event) {
        if (event.stepId() == null || !STEP_CHANGES.contains(event.change())) {
            return;
        }
        outbox.publish(WebhookEventType.STEP_UPDATED, Long.toString(event.id()), event.at(), () -> stepData(event));
    }

    private Map<String, Object> stepData(PlanActivity event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stepId", event.stepId().toString());
        data.put("planId", event.planId().toString());
        data.put("dealId", plans.dealOf(event.planId()).map(id -> id.value().toString()).orElse(null));
        data.put("change", event.change().name());
        data.put("step", event.subject());
        data.put("before", event.before());
        data.put("after", event.after());
        data.put("visibility", event.internal() ? "INTERNAL" : "SHARED");
        data.put("at", event.at().toString());
        return data;
    }

    private Map<String, Object> deal(DealId id) {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("dealId", id.value().toString());
        Optional<DealFacts> facts = deals.facts(id);
        facts.ifPresent(found -> {
            deal.put("name", found.name());
            deal.put("account", found.account());
            deal.put("amount", found.amount() == null ? null : found.amount().toPlainString());
            deal.put("currency", found.currency());
            deal.put("status", found.status().name());
        });
        return deal;
    }
}
