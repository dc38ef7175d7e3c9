package io.mutua.forecasting;

import io.mutua.web.InvalidInputException;
import java.util.Locale;

/** Which close date places a deal in a month: the one its plan predicts, or the one its rep expects. */
public enum ForecastBasis {
    PREDICTED, EXPECTED;

    /** The value as it appears in addresses: {@code predicted} or {@code expected}. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code by}; missing means predicted, anything else unknown is refused. */
    static ForecastBasis parse(String by) {
        if (by == null || by.isBlank()) {
            return PREDICTED;
        }
        for (ForecastBasis basis : values()) {
            if (basis.param().equals(by.trim().toLowerCase(Locale.ROOT))) {
                return basis;
            }
        }
        throw new InvalidInputException("by", "forecast.badBasis");
    }
}
