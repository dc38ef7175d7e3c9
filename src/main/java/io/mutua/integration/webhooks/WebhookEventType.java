package io.mutua.integration.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of message Mutua sends to webhook endpoints; {@link #TEST} is sent only by "Send test event". */
public enum WebhookEventType {
    DEAL_CLOSED("deal.closed"),
    HANDOFF_CREATED("handoff.created"),
    PLAN_SIGNED("plan.signed"),
    STEP_UPDATED("step.updated"),
    TEST("webhook.test");

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    /** The {@code type} of the payload, e.g. {@code deal.closed}. */
    public String type() {
        return type;
    }

    /** The types an endpoint can subscribe to. */
    public static List<WebhookEventType> subscribable() {
        return Arrays.stream(values()).filter(value -> value != TEST).toList();
    }

    static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(value -> value.type.equals(type)).findFirst();
    }
}
