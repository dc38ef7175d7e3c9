package io.mutua.plans;

import static io.mutua.plans.PlanGenerators.calendars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The week arithmetic of {@link BusinessCalendar} against the obvious day-by-day definitions, on random
 * holiday sets (with runs of consecutive holidays) around random days between 2000 and 2075.
 */
class BusinessCalendarPropertiesTest {

    private static final int EXAMPLES = 500;

    @Test
    void agreesWithCountingDayByDay() {
        qt().withExamples(EXAMPLES)
                .forAll(calendars(), integers().between(-900, 900))
                .checkAssert((around, span) -> {
                    BusinessCalendar calendar = around.calendar();
                    LocalDate from = around.day();
                    LocalDate to = from.plusDays(span);

                    assertThat(calendar.isBusinessDay(from)).isEqualTo(isBusinessDay(from, around.holidays()));
                    assertThat(calendar.onOrAfter(from)).isEqualTo(walk(from, 1, around.holidays()));
                    assertThat(calendar.onOrBefore(from)).isEqualTo(walk(from, -1, around.holidays()));
                    assertThat(calendar.businessDaysBetween(from, to))
                            .isEqualTo(countBetween(from, to, around.holidays()));
                });
    }

    @Test
    void addsBusinessDaysLikeSteppingDayByDay() {
        qt().withExamples(EXAMPLES)
                .forAll(calendars(), integers().between(-400, 400))
                .checkAssert((around, n) -> {
                    BusinessCalendar calendar = around.calendar();
                    LocalDate start = calendar.onOrAfter(around.day());

                    assertThat(calendar.plusBusinessDays(start, n)).isEqualTo(step(start, n, around.holidays()));
                });
    }

    @Test
    void addingAndCountingBusinessDaysUndoEachOther() {
        qt().withExamples(EXAMPLES)
                .forAll(calendars(), integers().between(-1500, 1500), integers().between(-1500, 1500))
                .checkAssert((around, n, span) -> {
                    BusinessCalendar calendar = around.calendar();
                    LocalDate a = calendar.onOrAfter(around.day());
                    LocalDate b = calendar.onOrBefore(a.plusDays(span));

                    LocalDate moved = calendar.plusBusinessDays(a, n);
                    assertThat(calendar.isBusinessDay(moved)).isTrue();
                    assertThat(Integer.signum(moved.compareTo(a))).isEqualTo(Integer.signum(n));
                    assertThat(calendar.businessDaysBetween(a, moved)).isEqualTo(n);
                    assertThat(calendar.plusBusinessDays(moved, -n)).isEqualTo(a);
                    assertThat(calendar.plusBusinessDays(a, calendar.businessDaysBetween(a, b))).isEqualTo(b);
                });
    }

    @Test
    void businessDaysAddUp() {
        qt().withExamples(EXAMPLES)
                .forAll(calendars(), integers().between(-800, 800), integers().between(-800, 800))
                .checkAssert((around, m, n) -> {
                    BusinessCalendar calendar = around.calendar();
                    LocalDate a = calendar.onOrAfter(around.day());
                    LocalDate b = around.day().plusDays(m);
                    LocalDate c = around.day().plusDays(n);

                    assertThat(calendar.plusBusinessDays(calendar.plusBusinessDays(a, m), n))
                            .isEqualTo(calendar.plusBusinessDays(a, m + n));
                    assertThat(calendar.businessDaysBetween(around.day(), b) + calendar.businessDaysBetween(b, c))
                            .isEqualTo(calendar.businessDaysBetween(around.day(), c));
                    assertThat(calendar.businessDaysBetween(b, c)).isEqualTo(-calendar.businessDaysBetween(c, b));
                });
    }

    private static boolean isBusinessDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    private static LocalDate walk(LocalDate day, int direction, Set<LocalDate> holidays) {
        LocalDate walked = day;
        while (!isBusinessDay(walked, holidays)) {
            walked = walked.plusDays(direction);
        }
        return walked;
    }

    private static int countBetween(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
        LocalDate low = from.isBefore(to) ? from : to;
        LocalDate high = from.isBefore(to) ? to : from;
        int count = 0;
        for (LocalDate day = low.plusDays(1); !day.isAfter(high); day = day.plusDays(1)) {
            if (isBusinessDay(day, holidays)) {
                count++;
            }
        }
        return from.isBefore(to) ? count : -count;
    }

    private static LocalDate step(LocalDate start, int n, Set<LocalDate> holidays) {
        int direction = n < 0 ? -1 : 1;
        LocalDate day = start;
        for (int left = Math.abs(n); left > 0; ) {
            day = day.plusDays(direction);
            if (isBusinessDay(day, holidays)) {
                left--;
            }
        }
        return day;
    }
}
