package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScheduleItemTest {

    private static final UUID STEP = new UUID(0, 1);
    private static final UUID OTHER = new UUID(0, 2);

    @Test
    void aStepTakesAtLeastOneBusinessDay() {
        assertThatThrownBy(() -> ScheduleItem.movable(STEP, 0, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleItem.movable(STEP, -3, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScheduleItem.movable(STEP, 1, Set.of()).durationDays()).isEqualTo(1);
    }

    @Test
    void aStepCannotWaitForItself() {
        assertThatThrownBy(() -> ScheduleItem.movable(STEP, 2, Set.of(STEP)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheDependencies() {
        Set<UUID> dependencies = new HashSet<>(Set.of(OTHER));
        ScheduleItem item = ScheduleItem.movable(STEP, 2, dependencies);
        dependencies.clear();

        assertThat(item.dependsOn()).containsExactly(OTHER);
    }

    @Test
    void isFixedOnlyWithAFixedTarget() {
        assertThat(ScheduleItem.movable(STEP, 2, Set.of()).isFixed()).isFalse();
        assertThat(ScheduleItem.fixed(STEP, 2, Set.of(), LocalDate.of(2026, 3, 6)).isFixed()).isTrue();
        assertThatThrownBy(() -> ScheduleItem.fixed(STEP, 2, Set.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
