package io.mutua.integration.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTest {

    private static final WebhookRetryPolicy DEFAULTS = new WebhookRetryPolicy(Duration.ofSeconds(5), 4,
            Duration.ofHours(10), Duration.ofHours(24));

    @Test
    void theDefaultsSpreadRetriesOverADayThenGiveUp() {
        Instant first = Instant.parse("2026-03-02T09:00:00Z");
        List<Duration> pauses = new ArrayList<>();
        Instant now = first;
        int failed = 0;
        while (true) {
            failed++;
            Optional<Instant> next = DEFAULTS.nextAttempt(failed, first, now);
            if (next.isEmpty()) {
                break;
            }
            pauses.add(Duration.between(now, next.get()));
            now = next.get();
        }
        assertThat(pauses.subList(0, 5)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(80), Duration.ofSeconds(320), Duration.ofSeconds(1280));
        assertThat(pauses).allMatch(pause -> pause.compareTo(Duration.ofHours(10)) <= 0);
        assertThat(now).as("the last attempt is a day after the first").isEqualTo(first.plus(Duration.ofHours(24)));
        assertThat(failed).as("attempts in all before giving up").isBetween(9, 11);
    }

    @Test
    void aRetryNeverGoesPastTheDeadline() {
        Instant first = Instant.parse("2026-03-02T09:00:00Z");
        Instant late = first.plus(Duration.ofHours(20));

        assertThat(DEFAULTS.nextAttempt(8, first, late)).contains(first.plus(Duration.ofHours(24)));
        assertThat(DEFAULTS.nextAttempt(9, first, first.plus(Duration.ofHours(24)))).isEmpty();
    }
}
