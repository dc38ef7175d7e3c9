package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/** Reading calendars as calendar apps do (with ical4j's parser), and feed addresses out of pages. */
final class CalendarFiles {

    static final String HOST = "localhost";
    private static final Pattern FEED_URL =
            Pattern.compile("value=\"http://localhost:8080(/calendar/[A-Za-z0-9_-]{43}\\.ics)\"");

    private CalendarFiles() {
    }

    /** Parses a calendar and checks it against RFC 5545, as a strict calendar app would. */
    static Calendar parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            assertThat(calendar.validate().getEntries()).as("validation of %s", ics).isEmpty();
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("not a valid calendar: " + ics, e);
        }
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    static Set<String> uids(Calendar calendar) {
        return events(calendar).stream().map(CalendarFiles::uid).collect(Collectors.toSet());
    }

    static String uid(VEvent event) {
        return event.getProperty("UID").orElseThrow().getValue();
    }

    static VEvent event(Calendar calendar, String uid) {
        return events(calendar).stream().filter(event -> uid(event).equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid + " in " + calendar));
    }

    static String name(Calendar calendar) {
        return calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue();
    }

    /** The path of the one feed address a page shows (addresses are shown once, when issued). */
    static String feedPathIn(String html) {
        Matcher matcher = FEED_URL.matcher(html);
        assertThat(matcher.find()).as("a feed address in %s", html).isTrue();
        String path = matcher.group(1);
        assertThat(matcher.find()).as("only one feed address shown").isFalse();
        return path;
    }

    static boolean showsAFeedAddress(String html) {
        return FEED_URL.matcher(html).find();
    }
}
