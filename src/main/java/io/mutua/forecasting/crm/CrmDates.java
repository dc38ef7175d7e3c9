package io.mutua.forecasting.crm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates CRM exports write: ISO dates and date-times (with or without a zone), numeric dates month first
 * (US: 3/4/2025, 03/04/25) or day first (EU: 04/03/2025, 04.03.2025, 4-3-2025), and English month names (4 Mar 2025,
 * Mar 4, 2025, March 4 2025). Two-digit years are 20xx. A time without a zone is in the given zone.
 */
final class CrmDates {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\\.?[ ,-]+(\\d{4}|\\d{2})");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "([A-Za-z]{3,9})\\.?[ -](\\d{1,2})(?:st|nd|rd|th)?,?[ ]+(\\d{4}|\\d{2})");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    private CrmDates() {
    }

    /** A date read from a cell; {@code exact} is the moment when the cell had a time too. */
    record When(LocalDate date, Instant exact) {

        Instant at(ZoneId zone) {
            return exact != null ? exact : date.atStartOfDay(zone).toInstant();
        }
    }

    /**
     * The day/month order to read numeric dates by: the hint unless it is AUTO; for AUTO, US or EU when the values
     * show only one of them (a first number above 12 means day first, a second above 12 month first), else AUTO,
     * which leaves values that both orders can read undecided.
     */
    static DateFormatHint decide(DateFormatHint hint, Collection<String> values) {
        if (hint != DateFormatHint.AUTO) {
            return hint;
        }
        boolean dayFirst = false;
        boolean monthFirst = false;
        for (String value : values) {
            Matcher numeric = NUMERIC.matcher(value.trim());
            if (numeric.matches()) {
                int first = Integer.parseInt(numeric.group(1));
                int second = Integer.parseInt(numeric.group(3));
                dayFirst |= first > 12 && second <= 12;
                monthFirst |= second > 12 && first <= 12;
            }
        }
        if (dayFirst == monthFirst) {
            return DateFormatHint.AUTO;
        }
        return dayFirst ? DateFormatHint.EU : DateFormatHint.US;
    }

    /**
     * Reads one value with a decided order (see {@link #decide}); throws {@link BadCell} with
     * {@code crm.error.date} or {@code crm.error.ambiguousDate} (arguments: the column, then the value).
     */
    static When parse(String column, String value, DateFormatHint order, ZoneId zone) {
        String text = value.trim();
        try {
            When when = read(text, order, zone);
            if (when == null) {
                throw new BadCell("crm.error.date", column, text);
            }
            if (when.date().getYear() < MIN_YEAR || when.date().getYear() > MAX_YEAR) {
                throw new BadCell("crm.error.dateRange", column, text);
            }
            return when;
        } catch (AmbiguousDate e) {
            throw new BadCell("crm.error.ambiguousDate", column, text);
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadCell("crm.error.date", column, text);
        }
    }

    private static When read(String text, DateFormatHint order, ZoneId zone) {
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
            if (iso.group(4) == null) {
                return new When(date, null);
            }
            LocalTime time = LocalTime.of(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)),
                    iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)));
            return timed(date, time, iso.group(7), zone);
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.matches()) {
            int first = Integer.parseInt(numeric.group(1));
            int second = Integer.parseInt(numeric.group(3));
            boolean dayFirst = dayFirst(first, second, order, text);
            LocalDate date = LocalDate.of(year(numeric.group(4)), dayFirst ? second : first, dayFirst ? first : second);
            if (numeric.group(5) == null) {
                return new When(date, null);
            }
            int hour = Integer.parseInt(numeric.group(5));
            String half = numeric.group(8);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
            }
            LocalTime time = LocalTime.of(hour, Integer.parseInt(numeric.group(6)),
                    numeric.group(7) == null ? 0 : Integer.parseInt(numeric.group(7)));
            return timed(date, time, null, zone);
        }
        Matcher dayMonth = DAY_MONTH_NAME.matcher(text);
        if (dayMonth.matches()) {
            int month = month(dayMonth.group(2));
            return month == 0 ? null : new When(LocalDate.of(year(dayMonth.group(3)), month,
                    Integer.parseInt(dayMonth.group(1))), null);
        }
        Matcher monthDay = MONTH_NAME_DAY.matcher(text);
        if (monthDay.matches()) {
            int month = month(monthDay.group(1));
            return month == 0 ? null : new When(LocalDate.of(year(monthDay.group(3)), month,
                    Integer.parseInt(monthDay.group(2))), null);
        }
        return null;
    }

    private static boolean dayFirst(int first, int second, DateFormatHint order, String text) {
        if (order == DateFormatHint.EU) {
            return true;
        }
        if (order == DateFormatHint.US) {
            return false;
        }
        if (first > 12 && second <= 12) {
            return true;
        }
        if (second > 12 && first <= 12) {
            return false;
        }
        if (first == second) {
            return false;
        }
        if (first > 12) {
            return true;
        }
        throw new AmbiguousDate();
    }

    /** Thrown inside {@link #read} and turned into the row error that asks for US or EU. */
    private static final class AmbiguousDate extends DateTimeException {

        AmbiguousDate() {
            super("ambiguous");
        }
    }

    private static When timed(LocalDate date, LocalTime time, String offset, ZoneId zone) {
        if (offset == null) {
            return new When(date, LocalDateTime.of(date, time).atZone(zone).toInstant());
        }
        ZoneOffset zoneOffset = offset.equals("Z") ? ZoneOffset.UTC
                : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3)
                        : offset);
        OffsetDateTime at = OffsetDateTime.of(date, time, zoneOffset);
        return new When(at.atZoneSameInstant(zone).toLocalDate(), at.toInstant());
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(lower) && lower.length() >= 3) {
                return i + 1;
            }
        }
        return 0;
    }
}
