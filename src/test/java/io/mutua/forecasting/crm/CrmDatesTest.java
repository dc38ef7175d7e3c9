package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Dates as CRM exports write them, read back to the day they mean. */
class CrmDatesTest {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final int EXAMPLES = 400;
    /** Each supported pattern, with the hint it needs (AUTO: read whatever the hint). */
    private static final Map<String, DateFormatHint> FOUR_DIGIT_YEARS = Map.ofEntries(
            Map.entry("yyyy-MM-dd", DateFormatHint.AUTO),
            Map.entry("yyyy-MM-dd'T'HH:mm:ss", DateFormatHint.AUTO),
            Map.entry("yyyy-MM-dd HH:mm", DateFormatHint.AUTO),
            Map.entry("M/d/yyyy", DateFormatHint.US),
            Map.entry("MM/dd/yyyy", DateFormatHint.US),
            Map.entry("M/d/yyyy h:mm a", DateFormatHint.US),
            Map.entry("dd/MM/yyyy", DateFormatHint.EU),
            Map.entry("dd.MM.yyyy", DateFormatHint.EU),
            Map.entry("d-M-yyyy", DateFormatHint.EU),
            Map.entry("d MMM yyyy", DateFormatHint.AUTO),
            Map.entry("dd-MMM-yyyy", DateFormatHint.AUTO),
            Map.entry("MMM d, yyyy", DateFormatHint.AUTO),
            Map.entry("MMMM d yyyy", DateFormatHint.AUTO),
            Map.entry("MMMM d, yyyy", DateFormatHint.AUTO));
    private static final Map<String, DateFormatHint> TWO_DIGIT_YEARS = Map.of(
            "MM/dd/yy", DateFormatHint.US,
            "M/d/yy", DateFormatHint.US,
            "dd/MM/yy", DateFormatHint.EU,
            "d.M.yy", DateFormatHint.EU,
            "d MMM yy", DateFormatHint.AUTO);

    @Test
    void everyDateInEverySupportedPatternReadsBackToItself() {
        qt().withExamples(EXAMPLES).forAll(days(1900, 9999)).checkAssert(day ->
                FOUR_DIGIT_YEARS.forEach((pattern, hint) -> assertThat(read(format(day, pattern), hint))
                        .as(pattern).isEqualTo(day)));
    }

    @Test
    void twoDigitYearsAreThisCentury() {
        qt().withExamples(EXAMPLES).forAll(days(2000, 2099)).checkAssert(day ->
                TWO_DIGIT_YEARS.forEach((pattern, hint) -> assertThat(read(format(day, pattern), hint))
                        .as(pattern).isEqualTo(day)));
    }

    @Test
    void aDayAbove12DecidesTheOrderOfAWholeFile() {
        qt().withExamples(EXAMPLES).forAll(days(2000, 2099), days(2000, 2099)).checkAssert((clear, other) -> {
            if (clear.getDayOfMonth() > 12) {
                List<String> euValues = List.of(format(other, "dd/MM/yyyy"), format(clear, "dd/MM/yyyy"));
                DateFormatHint eu = CrmDates.decide(DateFormatHint.AUTO, euValues);
                assertThat(eu).isEqualTo(DateFormatHint.EU);
                assertThat(CrmDates.parse("Created", euValues.get(0), eu, ZoneOffset.UTC).date()).isEqualTo(other);
                List<String> usValues = List.of(format(other, "MM/dd/yyyy"), format(clear, "MM/dd/yyyy"));
                DateFormatHint us = CrmDates.decide(DateFormatHint.AUTO, usValues);
                assertThat(us).isEqualTo(DateFormatHint.US);
                assertThat(CrmDates.parse("Created", usValues.get(0), us, ZoneOffset.UTC).date()).isEqualTo(other);
            }
        });
    }

    @Test
    void aFileThatCannotBeDecidedAsksForUsOrEuForEachAmbiguousValueOnly() {
        DateFormatHint undecided = CrmDates.decide(DateFormatHint.AUTO, List.of("03/04/2025", "2025-01-02", ""));
        assertThat(undecided).isEqualTo(DateFormatHint.AUTO);
        assertThatThrownBy(() -> CrmDates.parse("Close Date", "03/04/2025", undecided, ZoneOffset.UTC))
                .isInstanceOfSatisfying(BadCell.class, bad -> {
                    assertThat(bad.code()).isEqualTo("crm.error.ambiguousDate");
                    assertThat(bad.args()).containsExactly("Close Date", "03/04/2025");
                });
        assertThat(CrmDates.parse("Close Date", "04/04/2025", undecided, ZoneOffset.UTC).date())
                .as("the same either way").isEqualTo(LocalDate.of(2025, 4, 4));

        DateFormatHint contradictory = CrmDates.decide(DateFormatHint.AUTO, List.of("13/04/2025", "04/13/2025"));
        assertThat(contradictory).isEqualTo(DateFormatHint.AUTO);
        assertThat(CrmDates.parse("Created", "13/04/2025", contradictory, ZoneOffset.UTC).date())
                .isEqualTo(LocalDate.of(2025, 4, 13));
        assertThatThrownBy(() -> CrmDates.parse("Created", "05/04/2025", contradictory, ZoneOffset.UTC))
                .isInstanceOfSatisfying(BadCell.class, bad -> assertThat(bad.code())
                        .isEqualTo("crm.error.ambiguousDate"));
        assertThat(CrmDates.decide(DateFormatHint.US, List.of("13/04/2025"))).isEqualTo(DateFormatHint.US);
    }

    @Test
    void timesWithoutAZoneAreInTheServersZone() {
        assertThat(CrmDates.parse("Created", "2025-03-04 10:15", DateFormatHint.AUTO, ATHENS).exact())
                .isEqualTo(Instant.parse("2025-03-04T08:15:00Z"));
        assertThat(CrmDates.parse("Created", "2025-03-04T10:15:00Z", DateFormatHint.AUTO, ATHENS).exact())
                .isEqualTo(Instant.parse("2025-03-04T10:15:00Z"));
        assertThat(CrmDates.parse("Created", "2025-03-04T23:15:00-05:00", DateFormatHint.AUTO, ATHENS).date())
                .as("the day in the server's zone").isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(CrmDates.parse("Created", "3/4/2025 2:30 PM", DateFormatHint.US, ATHENS).exact())
                .isEqualTo(Instant.parse("2025-03-04T12:30:00Z"));
        CrmDates.When day = CrmDates.parse("Created", "2025-03-04", DateFormatHint.AUTO, ATHENS);
        assertThat(day.exact()).isNull();
        assertThat(day.at(ATHENS)).as("start of the day").isEqualTo(Instant.parse("2025-03-03T22:00:00Z"));
    }

    @Test
    void whatIsNotADateIsRefusedNamingTheColumn() {
        for (String value : List.of("2025-13-45", "31/02/2025", "yesterday", "4 Foo 2025", "12/20", "20250304",
                "1/2/3/2025", "13:00", "0001-01-01")) {
            assertThatThrownBy(() -> CrmDates.parse("Close Date", value, DateFormatHint.EU, ZoneOffset.UTC))
                    .as(value).isInstanceOfSatisfying(BadCell.class, bad -> {
                        assertThat(bad.code()).isIn("crm.error.date", "crm.error.dateRange");
                        assertThat(bad.args()).containsExactly("Close Date", value);
                    });
        }
    }

    private static LocalDate read(String text, DateFormatHint hint) {
        return CrmDates.parse("Date", text, hint, ZoneOffset.UTC).date();
    }

    private static String format(LocalDate day, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(day.atTime(14, 30));
    }

    private static Gen<LocalDate> days(int fromYear, int toYear) {
        long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long to = LocalDate.of(toYear, 12, 31).toEpochDay();
        return integers().between(0, (int) (to - from)).map(offset -> LocalDate.ofEpochDay(from + offset));
    }
}
