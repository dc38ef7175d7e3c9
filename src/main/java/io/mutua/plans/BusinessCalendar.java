package io.mutua.plans;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The days on which work on a plan happens: Monday to Friday, except the holidays an admin configured.
 *
 * <p>Plans are counted in business days because that is how both sides promise work ("legal needs five
 * days"). Every plan of a team is rescheduled at once, over spans of years, so nothing here walks day by
 * day: weekdays are numbered by whole-week arithmetic (five per week) and the holidays that fall on
 * weekdays are kept as a sorted array of those numbers, so a span costs a few binary searches.
 */
public final class BusinessCalendar {

    private static final long DAYS_PER_WEEK = 7;
    private static final long WEEKDAYS_PER_WEEK = 5;
    /** 1970-01-01, epoch day 0, was a Thursday; epoch day -3 was a Monday, where weekday number 0 starts. */
    private static final long MONDAY_OFFSET = 3;

    /** Weekday numbers of the holidays on Monday to Friday, ascending, without duplicates. */
    private final long[] holidays;

    public BusinessCalendar(Set<LocalDate> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        this.holidays = holidays.stream()
                .map(day -> Objects.requireNonNull(day, "holiday"))
                .filter(day -> !isWeekend(day))
                .mapToLong(day -> weekdayNumber(day.toEpochDay()))
                .sorted()
                .distinct()
                .toArray();
    }

    public boolean isBusinessDay(LocalDate day) {
        return !isWeekend(day) && Arrays.binarySearch(holidays, weekdayNumber(day.toEpochDay())) < 0;
    }

    /** The day itself when it is a business day, else the next business day. */
    public LocalDate onOrAfter(LocalDate day) {
        long weekday = weekdayNumber(day.toEpochDay());
        int i = holidaysBefore(weekday);
        while (i < holidays.length && holidays[i] == weekday) {
            weekday++;
            i++;
        }
        return dayOf(weekday);
    }

    /** The day itself when it is a business day, else the business day before it. */
    public LocalDate onOrBefore(LocalDate day) {
        long weekday = weekdayNumber(day.toEpochDay());
        if (isWeekend(day)) {
            weekday--;
        }
        int i = holidaysBefore(weekday + 1) - 1;
        while (i >= 0 && holidays[i] == weekday) {
            weekday--;
            i--;
        }
        return dayOf(weekday);
    }

    /**
     * The business day {@code n} business days after {@code businessDay} (before it when {@code n} is
     * negative). Counting from a day nobody works would be ambiguous, so that is refused.
     *
     * @throws IllegalArgumentException when {@code businessDay} is not a business day
     */
    public LocalDate plusBusinessDays(LocalDate businessDay, int n) {
        if (!isBusinessDay(businessDay)) {
            throw new IllegalArgumentException("not a business day: " + businessDay);
        }
        long from = weekdayNumber(businessDay.toEpochDay());
        long to = from + n;
        // Step over whole weekdays first, then once more for each holiday stepped over, until none is left.
        if (n > 0) {
            long skipped = holidaysIn(from, to);
            while (skipped > 0) {
                long reached = to;
                to += skipped;
                skipped = holidaysIn(reached, to);
            }
        } else if (n < 0) {
            long skipped = holidaysIn(to - 1, from - 1);
            while (skipped > 0) {
                long reached = to;
                to -= skipped;
                skipped = holidaysIn(to - 1, reached - 1);
            }
        }
        return dayOf(to);
    }

    /**
     * The signed number of business days {@code d} with {@code from < d <= to}; negative when {@code to} is
     * before {@code from}. For business days {@code a} and {@code b},
     * {@code plusBusinessDays(a, businessDaysBetween(a, b))} is {@code b}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(businessDaysUpTo(to.toEpochDay()) - businessDaysUpTo(from.toEpochDay()));
    }

    /** The number of business days on or before the day, counted from an arbitrary origin. */
    private long businessDaysUpTo(long epochDay) {
        long weekdaysUpTo = weekdayNumber(epochDay + 1);
        return weekdaysUpTo - holidaysBefore(weekdaysUpTo);
    }

    /** The number of holidays whose weekday number h satisfies {@code after < h <= upTo}. */
    private long holidaysIn(long after, long upTo) {
        return holidaysBefore(upTo + 1) - holidaysBefore(after + 1);
    }

    /** The number of holidays whose weekday number is below {@code weekday}. */
    private int holidaysBefore(long weekday) {
        int low = 0;
        int high = holidays.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (holidays[middle] < weekday) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The number of weekdays before the day, counted from the Monday of epoch day -3. A weekday gets its own
     * number; a Saturday or Sunday gets the number of the Monday after it.
     */
    private static long weekdayNumber(long epochDay) {
        long sinceMonday = epochDay + MONDAY_OFFSET;
        long weeks = Math.floorDiv(sinceMonday, DAYS_PER_WEEK);
        long dayOfWeek = Math.floorMod(sinceMonday, DAYS_PER_WEEK);
        return weeks * WEEKDAYS_PER_WEEK + Math.min(dayOfWeek, WEEKDAYS_PER_WEEK);
    }

    private static LocalDate dayOf(long weekdayNumber) {
        long weeks = Math.floorDiv(weekdayNumber, WEEKDAYS_PER_WEEK);
        long dayOfWeek = Math.floorMod(weekdayNumber, WEEKDAYS_PER_WEEK);
        return LocalDate.ofEpochDay(weeks * DAYS_PER_WEEK + dayOfWeek - MONDAY_OFFSET);
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[weekends and " + holidays.length + " weekday holidays off]";
    }
}
