package io.mutua.forecasting.crm;

/**
 * How to read dates such as 03/04/2025. ISO dates (2025-04-03, with or without a time) and dates with a month name
 * are read whatever the hint. AUTO decides from the file: a first number above 12 means day first, a second
 * number above 12 means month first; a file where both orders remain possible needs US or EU.
 */
public enum DateFormatHint {
    AUTO, ISO, US, EU
}
