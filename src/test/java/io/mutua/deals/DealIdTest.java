package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealIdTest {

    @Test
    void isAUuidAndPrintsAsOne() {
        UUID uuid = UUID.randomUUID();
        assertThat(DealId.of(uuid.toString())).isEqualTo(new DealId(uuid));
        assertThat(new DealId(uuid)).hasToString(uuid.toString());
    }

    @Test
    void refusesMissingOrMalformedValues() {
        assertThatThrownBy(() -> new DealId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DealId.of("42")).isInstanceOf(IllegalArgumentException.class);
    }
}
