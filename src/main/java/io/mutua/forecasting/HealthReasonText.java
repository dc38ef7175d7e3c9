package io.mutua.forecasting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A stored health reason as a sentence in the reader's language ({@code health.reason.<code>}): counts become
 * numbers, ISO dates localized dates, MEDDPICC element names their translated names.
 */
@Component
public class HealthReasonText {

    private final MessageSource messages;

    HealthReasonText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(HealthReason reason, Locale locale) {
        List<String> args = reason.args();
        Object[] values = switch (reason.code()) {
            case HealthRules.STEPS_OVERDUE -> new Object[] {number(args, 0), arg(args, 1), number(args, 2)};
            case HealthRules.PREDICTED_AFTER_TARGET -> new Object[] {number(args, 0), date(arg(args, 1), locale)};
            case HealthRules.BUYER_INACTIVE -> new Object[] {number(args, 0), arg(args, 1).isEmpty()
                    ? messages.getMessage("health.never", null, locale) : date(arg(args, 1), locale)};
            case HealthRules.QUALIFICATION_MISSING -> new Object[] {Arrays.stream(arg(args, 0).split(","))
                    .filter(element -> !element.isBlank())
                    .map(element -> messages.getMessage("meddpicc." + element, null, element, locale))
                    .collect(Collectors.joining(", "))};
            case HealthRules.CLOSE_DATE_PASSED -> new Object[] {date(arg(args, 0), locale)};
            default -> args.toArray();
        };
        return messages.getMessage("health.reason." + reason.code(), values, reason.code(), locale);
    }

    /** The name of a health state in the reader's language. */
    public String name(Health health, Locale locale) {
        return messages.getMessage("health." + health.name(), null, locale);
    }

    /** Where a predicted close date came from, in the reader's language. */
    public String source(PredictionSource source, Locale locale) {
        return messages.getMessage("health.source." + source.name(), null, locale);
    }

    /** A slip in business days: "3 business days later", "on the date", "2 business days earlier". */
    public String slip(int businessDays, Locale locale) {
        if (businessDays == 0) {
            return messages.getMessage("health.slipNone", null, locale);
        }
        return messages.getMessage(businessDays > 0 ? "health.slipLater" : "health.slipEarlier",
                new Object[] {Math.abs(businessDays)}, locale);
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() && args.get(i) != null ? args.get(i) : "";
    }

    private static Object number(List<String> args, int i) {
        try {
            return Long.parseLong(arg(args, i));
        } catch (NumberFormatException e) {
            return arg(args, i);
        }
    }

    private static String date(String iso, Locale locale) {
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
