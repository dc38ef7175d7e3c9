package io.mutua.notifications;

/** How a person wants to hear about something: an email at once, in the daily digest, or not at all. */
public enum Mode {
    IMMEDIATE, DIGEST, OFF
}
