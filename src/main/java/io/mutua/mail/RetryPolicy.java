package io.mutua.mail;

import java.time.Duration;
import java.util.Optional;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When to try an email again: Spring's exponential backoff, from {@code first}, doubling up to {@code maxInterval},
 * for {@code attempts} attempts in all (the first one included); after the last one the email is given up (FAILED).
 */
record RetryPolicy(Duration first, Duration maxInterval, int attempts) {

    RetryPolicy {
        if (first.isNegative() || first.isZero() || maxInterval.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("mutua.mail.retry: first > 0, max-interval >= first, attempts >= 1");
        }
    }

    /** How long to wait after the given number of failed attempts; empty when the email is to be given up. */
    Optional<Duration> waitAfter(int failedAttempts) {
        ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        backOff.setMaxAttempts(attempts - 1);
        BackOffExecution execution = backOff.start();
        long wait = BackOffExecution.STOP;
        for (int i = 0; i < failedAttempts; i++) {
            wait = execution.nextBackOff();
        }
        return wait == BackOffExecution.STOP ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }
}
