package io.mutua.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What a document template needs to speak its reader's language outside any web request: messages and dates in one
 * language and in Mutua's time zone (the clock's, as on the pages). Print templates receive it as {@code ui}, like
 * pages receive their {@code Ui}.
 */
public final class DocumentText {

    /** Stand-ins for the page number and page count in the footer message, replaced by counters in the PDF. */
    private static final char PAGE = '\u0001';
    private static final char PAGES = '\u0002';
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx '('VV')'",
            Locale.ROOT);

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    DocumentText(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** A piece of the running footer: text, or where the page number or the page count goes. */
    public record FooterPart(String text, boolean pageNumber, boolean pageCount) {
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(zone));
    }

    /** An exact moment with its offset and zone, as certificates give it: 2026-03-02 14:05:09 +02:00 (Europe/Athens). */
    public String stamp(Instant instant) {
        return instant == null ? "" : STAMP.format(instant.atZone(zone));
    }

    /** The short month and year of a date ("Mar 2026"). */
    public String month(LocalDate date) {
        return DateTimeFormatter.ofPattern("LLL yyyy", locale).format(date);
    }

    /** The name of a language in the reader's language, capitalised ("Greek", "Ελληνικά"). */
    public String languageName(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The running footer of a plan's pages, cut where the page number and the page count go. */
    public List<FooterPart> footer(String account, boolean mutual) {
        Object[] args = {account, String.valueOf(PAGE), String.valueOf(PAGES)};
        String line = mutual ? messages.getMessage("pdf.footer", args, locale)
                : messages.getMessage("pdf.footerClosing", args, locale);
        List<FooterPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == PAGE || c == PAGES) {
                if (!text.isEmpty()) {
                    parts.add(new FooterPart(text.toString(), false, false));
                    text.setLength(0);
                }
                parts.add(new FooterPart(null, c == PAGE, c == PAGES));
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new FooterPart(text.toString(), false, false));
        }
        return List.copyOf(parts);
    }
}
