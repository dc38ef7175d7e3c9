package io.mutua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy defaults = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 12);

    @Test
    void waitsLongerAfterEachFailureUpToTheLongestPause() {
        assertThat(defaults.waitAfter(1)).contains(Duration.ofSeconds(30));
        assertThat(defaults.waitAfter(2)).contains(Duration.ofMinutes(1));
        assertThat(defaults.waitAfter(3)).contains(Duration.ofMinutes(2));
        assertThat(defaults.waitAfter(7)).contains(Duration.ofMinutes(32));
        assertThat(defaults.waitAfter(8)).contains(Duration.ofHours(1));
        assertThat(defaults.waitAfter(11)).contains(Duration.ofHours(1));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(defaults.waitAfter(12)).isEmpty();
        assertThat(defaults.waitAfter(13)).isEmpty();
        assertThat(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).waitAfter(1))
                .isEqualTo(Optional.empty());
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 12))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), 12))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
