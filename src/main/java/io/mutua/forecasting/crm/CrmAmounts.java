package io.mutua.forecasting.crm;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts as CRM exports and people write them: {@code 1234.5}, {@code 1,234.50}, {@code 1.234,50},
 * {@code 1 234,50}, {@code $1,234}, {@code € 1.234,50}, {@code 1234 EUR}, {@code USD 1,234.00}. The last separator
 * is the decimal one unless it is the only one and exactly three digits follow it ({@code 1,234} is 1234, {@code 1,23}
 * is 1.23). Negative amounts, abbreviations such as {@code 12k} and more than two decimals are refused, never guessed.
 */
final class CrmAmounts {

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Pattern SHAPE = Pattern.compile(
            "([$€£¥]|[A-Za-z]{3})?\\s*([0-9][0-9.,' \\u00A0\\u202F]*)\\s*([$€£¥]|[A-Za-z]{3})?");
    private static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    private CrmAmounts() {
    }

    /** An amount and the currency it named, if any. */
    record Amount(BigDecimal value, String currency) {
    }

    /** Throws {@link BadCell} naming the column and the value when the amount cannot be read as it is meant. */
    static Amount parse(String column, String value) {
        String text = value.trim();
        if (text.startsWith("-") || text.startsWith("(") && text.endsWith(")") || text.matches(".*\\d\\s*-$")
                || text.matches("^[$€£¥A-Za-z]{1,3}\\s*-.*")) {
            throw new BadCell("crm.error.negativeAmount", column, text);
        }
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches() || shape.group(1) != null && shape.group(3) != null) {
            throw new BadCell("crm.error.amount", column, text);
        }
        String currency = currency(column, text, shape.group(1) != null ? shape.group(1) : shape.group(3));
        BigDecimal number = number(column, text, shape.group(2).replaceAll("[' \\u00A0\\u202F]", ""));
        if (number.compareTo(MAX) > 0) {
            throw new BadCell("crm.error.amountTooLarge", column, text);
        }
        return new Amount(number.setScale(2), currency);
    }

    /** An ISO 4217 code from a currency column, upper-cased; throws {@link BadCell} for an unknown one. */
    static String currency(String column, String text, String symbolOrCode) {
        if (symbolOrCode == null) {
            return null;
        }
        String symbol = SYMBOLS.get(symbolOrCode);
        if (symbol != null) {
            return symbol;
        }
        String code = symbolOrCode.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new BadCell("crm.error.currency", column, text);
        }
    }

    private static BigDecimal number(String column, String text, String digits) {
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        int last = Math.max(lastDot, lastComma);
        if (last < 0) {
            return new BigDecimal(digits);
        }
        char decimal = digits.charAt(last);
        char other = decimal == '.' ? ',' : '.';
        boolean single = digits.indexOf(decimal) == last && digits.indexOf(other) < 0;
        String integer;
        String fraction;
        if (single && digits.length() - last - 1 == 3 && last <= 3) {
            integer = digits.substring(0, last) + digits.substring(last + 1);
            fraction = "";
        } else if (digits.indexOf(decimal) != last) {
            // the same separator more than once: thousands separators only
            if (digits.indexOf(other) >= 0) {
                throw new BadCell("crm.error.amount", column, text);
            }
            integer = digits;
            fraction = "";
        } else {
            integer = digits.substring(0, last);
            fraction = digits.substring(last + 1);
        }
        if (!groupedWell(integer, other)) {
            throw new BadCell("crm.error.amount", column, text);
        }
        String plain = integer.replace(String.valueOf(other), "").replace(String.valueOf(decimal), "");
        if (plain.isEmpty() || !fraction.chars().allMatch(Character::isDigit) || !plain.chars().allMatch(Character::isDigit)) {
            throw new BadCell("crm.error.amount", column, text);
        }
        if (fraction.length() > 2) {
            throw new BadCell("crm.error.tooManyDecimals", column, text);
        }
        return new BigDecimal(fraction.isEmpty() ? plain : plain + "." + fraction);
    }

    /** Thousands separators, where there are any, separate groups of three digits after the first group. */
    private static boolean groupedWell(String integer, char separator) {
        String withoutOther = integer;
        for (char c : new char[] {'.', ','}) {
            if (c != separator && withoutOther.indexOf(c) >= 0) {
                // the decimal character cannot appear in the integer part except as repeated thousands
                withoutOther = withoutOther.replace(c, separator);
            }
        }
        String[] groups = withoutOther.split(Pattern.quote(String.valueOf(separator)), -1);
        if (groups.length == 1) {
            return true;
        }
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
