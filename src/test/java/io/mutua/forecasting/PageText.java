package io.mutua.forecasting;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rendered page the way a person does: the text of a table row, without the markup. */
final class PageText {

    private static final Pattern ROW = Pattern.compile("<tr\\b.*?</tr>", Pattern.DOTALL);

    private PageText() {
    }

    /** The text of the first table row that mentions {@code marker}, with the spaces between cells collapsed. */
    static Optional<String> row(String html, String marker) {
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            String text = text(matcher.group());
            if (text.contains(marker)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The part of the page from the element with this id up to the next section. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no element with id " + id);
        }
        int end = html.indexOf("</section>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
