package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** March 2026 starts on a Sunday; Clean Monday (23 Feb) and Independence Day (Wed 25 Mar) are holidays. */
class BusinessCalendarTest {

    private static final LocalDate CLEAN_MONDAY = LocalDate.of(2026, 2, 23);
    private static final LocalDate INDEPENDENCE_DAY = LocalDate.of(2026, 3, 25);

    private final BusinessCalendar calendar = new BusinessCalendar(Set.of(CLEAN_MONDAY, INDEPENDENCE_DAY));

    @Test
    void weekendsAndHolidaysAreOff() {
        assertThat(calendar.isBusinessDay(march(6))).isTrue();
        assertThat(calendar.isBusinessDay(march(7))).isFalse();
        assertThat(calendar.isBusinessDay(march(8))).isFalse();
        assertThat(calendar.isBusinessDay(march(24))).isTrue();
        assertThat(calendar.isBusinessDay(INDEPENDENCE_DAY)).isFalse();
        assertThat(calendar.isBusinessDay(CLEAN_MONDAY)).isFalse();
    }

    @Test
    void movesADayOffToTheNextOrPreviousBusinessDay() {
        assertThat(calendar.onOrAfter(march(5))).isEqualTo(march(5));
        assertThat(calendar.onOrAfter(march(7))).isEqualTo(march(9));
        assertThat(calendar.onOrAfter(INDEPENDENCE_DAY)).isEqualTo(march(26));
        assertThat(calendar.onOrBefore(march(5))).isEqualTo(march(5));
        assertThat(calendar.onOrBefore(march(8))).isEqualTo(march(6));
        assertThat(calendar.onOrBefore(INDEPENDENCE_DAY)).isEqualTo(march(24));
        assertThat(calendar.onOrBefore(CLEAN_MONDAY)).isEqualTo(LocalDate.of(2026, 2, 20));
    }

    @Test
    void addsBusinessDaysOverWeekendsAndHolidays() {
        assertThat(calendar.plusBusinessDays(march(6), 0)).isEqualTo(march(6));
        assertThat(calendar.plusBusinessDays(march(6), 1)).isEqualTo(march(9));
        assertThat(calendar.plusBusinessDays(march(9), -1)).isEqualTo(march(6));
        assertThat(calendar.plusBusinessDays(march(23), 2)).isEqualTo(march(26));
        assertThat(calendar.plusBusinessDays(march(26), -2)).isEqualTo(march(23));
        assertThat(calendar.plusBusinessDays(march(20), 5)).isEqualTo(march(30));
    }

    @Test
    void countsAYearInWholeWeeksLessTheHolidays() {
        // 52 weeks after Monday 2 Mar 2026 is Monday 1 Mar 2027: 260 weekdays, one of them Independence Day.
        LocalDate monday = march(2);
        assertThat(calendar.plusBusinessDays(monday, 260)).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(calendar.businessDaysBetween(monday, LocalDate.of(2027, 3, 2))).isEqualTo(260);
        assertThat(calendar.businessDaysBetween(LocalDate.of(2027, 3, 2), monday)).isEqualTo(-260);
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 3, 2), -260)).isEqualTo(monday);
    }

    @Test
    void countsBusinessDaysAfterTheFirstDayUpToAndIncludingTheLast() {
        assertThat(calendar.businessDaysBetween(march(6), march(9))).isEqualTo(1);
        assertThat(calendar.businessDaysBetween(march(9), march(6))).isEqualTo(-1);
        assertThat(calendar.businessDaysBetween(march(7), march(8))).isZero();
        assertThat(calendar.businessDaysBetween(march(6), march(6))).isZero();
        assertThat(calendar.businessDaysBetween(march(20), march(27))).isEqualTo(4);
        assertThat(calendar.businessDaysBetween(march(24), INDEPENDENCE_DAY)).isZero();
    }

    @Test
    void stepsOverConsecutiveHolidays() {
        BusinessCalendar christmas = new BusinessCalendar(
                Set.of(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26)));
        assertThat(christmas.onOrAfter(LocalDate.of(2025, 12, 24))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(christmas.onOrBefore(LocalDate.of(2025, 12, 28))).isEqualTo(LocalDate.of(2025, 12, 23));
        assertThat(christmas.plusBusinessDays(LocalDate.of(2025, 12, 23), 1)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(christmas.plusBusinessDays(LocalDate.of(2025, 12, 29), -1)).isEqualTo(LocalDate.of(2025, 12, 23));
    }

    @Test
    void aHolidayOnAWeekendChangesNothing() {
        BusinessCalendar saturdayHoliday = new BusinessCalendar(Set.of(march(7)));
        assertThat(saturdayHoliday.businessDaysBetween(march(6), march(9))).isEqualTo(1);
        assertThat(saturdayHoliday.plusBusinessDays(march(6), 1)).isEqualTo(march(9));
    }

    @Test
    void refusesToCountFromADayOff() {
        assertThatThrownBy(() -> calendar.plusBusinessDays(march(7), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.plusBusinessDays(INDEPENDENCE_DAY, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }
}
