package io.mutua.integration.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When to try a delivery again: Spring's exponential backoff from {@code first}, multiplied by {@code multiplier}
 * up to {@code maxInterval}, for as long as {@code giveUpAfter} from the first attempt. The last try is made at that
 * deadline; a failure then gives the delivery up. The defaults (5 s, ×4, at most 10 h, for 24 h) try after
 * 5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h, 10 h and a last time 24 h after the first attempt.
 */
record WebhookRetryPolicy(Duration first, double multiplier, Duration maxInterval, Duration giveUpAfter) {

    WebhookRetryPolicy {
        if (first.isNegative() || first.isZero() || multiplier < 1 || maxInterval.compareTo(first) < 0
                || giveUpAfter.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "mutua.webhooks.retry: first > 0, multiplier >= 1, max-interval and give-up-after >= first");
        }
    }

    /** When to try again after the given number of failed attempts; empty when the delivery is to be given up. */
    Optional<Instant> nextAttempt(int failedAttempts, Instant firstAttempt, Instant now) {
        Instant deadline = firstAttempt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), multiplier);
        backOff.setMaxInterval(maxInterval.toMillis());
        BackOffExecution execution = backOff.start();
        long wait = first.toMillis();
        for (int i = 0; i < failedAttempts; i++) {
            wait = execution.nextBackOff();
        }
        Instant next = wait == BackOffExecution.STOP ? deadline : now.plusMillis(wait);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
