package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Amounts as CRM exports and people write them, read to the amount and currency they mean, or refused. */
class CrmAmountsTest {

    /** Each way of writing an amount, with the currency it names (null: none). */
    private static final Map<Function<BigDecimal, String>, String> STYLES = Map.of(
            amount -> amount.toPlainString(), "",
            amount -> grouped(amount, ',', '.'), "",
            amount -> grouped(amount, '.', ','), "",
            amount -> grouped(amount, ' ', ','), "",
            amount -> "$" + grouped(amount, ',', '.'), "USD",
            amount -> "€ " + grouped(amount, '.', ','), "EUR",
            amount -> amount.toPlainString() + " EUR", "EUR",
            amount -> "USD " + grouped(amount, ',', '.'), "USD",
            amount -> "£" + grouped(amount, ',', '.'), "GBP",
            amount -> grouped(amount, '.', ',') + " ¥", "JPY");

    @Test
    void anyAmountWrittenInAnySupportedStyleReadsBackToItself() {
        qt().withExamples(500).forAll(amounts()).checkAssert(amount -> STYLES.forEach((style, currency) -> {
            String text = style.apply(amount);
            CrmAmounts.Amount read = CrmAmounts.parse("Amount", text);
            assertThat(read.value()).as(text).isEqualByComparingTo(amount);
            assertThat(read.value().scale()).isEqualTo(2);
            assertThat(read.currency()).as(text).isEqualTo(currency.isEmpty() ? null : currency);
        }));
    }

    @Test
    void theLastSeparatorDecidesUnlessThreeDigitsFollowTheOnlyOne() {
        Map<String, String> examples = Map.of("1,234", "1234", "1,23", "1.23", "1.234", "1234", "1.5", "1.5",
                "1,234.5", "1234.5", "1.234,50", "1234.5", "1 234,50", "1234.5", "1234.56", "1234.56",
                "1,234,567", "1234567", "12", "12");
        examples.forEach((text, expected) -> assertThat(CrmAmounts.parse("Amount", text).value()).as(text)
                .isEqualByComparingTo(expected));
    }

    @Test
    void negativeAbbreviatedOverPreciseAndUnknownAmountsAreRefusedNamingTheColumn() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("-100", "crm.error.negativeAmount"),
                Map.entry("(1,000)", "crm.error.negativeAmount"),
                Map.entry("$-5", "crm.error.negativeAmount"),
                Map.entry("£12k", "crm.error.amount"),
                Map.entry("12k", "crm.error.amount"),
                Map.entry("1.2.3,4.5", "crm.error.amount"),
                Map.entry("12,34,567", "crm.error.amount"),
                Map.entry("$12 EUR", "crm.error.amount"),
                Map.entry("ten", "crm.error.amount"),
                Map.entry("1234.567", "crm.error.tooManyDecimals"),
                Map.entry("1,2345", "crm.error.tooManyDecimals"),
                Map.entry("12 XYZ", "crm.error.currency"),
                Map.entry("99999999999999", "crm.error.amountTooLarge"));
        refused.forEach((text, code) -> assertThatThrownBy(() -> CrmAmounts.parse("Value", text)).as(text)
                .isInstanceOfSatisfying(BadCell.class, bad -> {
                    assertThat(bad.code()).isEqualTo(code);
                    assertThat(bad.args()).containsExactly("Value", text);
                }));
    }

    @Test
    void currencyCodesAreReadIgnoringCase() {
        assertThat(CrmAmounts.parse("Amount", "100 eur").currency()).isEqualTo("EUR");
        assertThat(CrmAmounts.currency("Currency", "gbp", "gbp")).isEqualTo("GBP");
        assertThat(List.of(CrmAmounts.parse("Amount", "€1").currency(), CrmAmounts.parse("Amount", "1$").currency()))
                .containsExactly("EUR", "USD");
    }

    private static Gen<BigDecimal> amounts() {
        return longs().between(0, 999_999_999_999L).zip(integers().between(0, 2), (cents, decimals) -> {
            BigDecimal value = BigDecimal.valueOf(cents, 2);
            return value.setScale(decimals, java.math.RoundingMode.DOWN);
        });
    }

    private static String grouped(BigDecimal amount, char grouping, char decimal) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        return format.format(amount);
    }
}
