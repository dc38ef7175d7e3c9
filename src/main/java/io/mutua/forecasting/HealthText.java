package io.mutua.forecasting;

import io.mutua.forecasting.Forecast.Reason;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Health states and reasons in the reader's language. Reasons are stored as codes with arguments; a code this
 * version has no message for is shown as the code itself rather than failing the page.
 */
@Component
class HealthText {

    private static final String STATE_PREFIX = "health.";
    private static final String REASON_PREFIX = "health.reason.";

    private final MessageSource messages;

    HealthText(MessageSource messages) {
        this.messages = messages;
    }

    String state(String health, Locale locale) {
        return messages.getMessage(STATE_PREFIX + health, null, health, locale);
    }

    String reason(Reason reason, Locale locale) {
        try {
            return messages.getMessage(REASON_PREFIX + reason.code(), reason.args().toArray(), reason.code(), locale);
        } catch (IllegalArgumentException badArguments) {
            return reason.code();
        }
    }
}
