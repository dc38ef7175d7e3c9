package io.mutua.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds human text written straight into a JTE template instead of coming from the message bundles.
 *
 * <p>It first blanks out every JTE construct ({@code <%-- --%>}, {@code @import}/{@code @param} lines,
 * {@code ${…}}, {@code $unsafe{…}}, {@code !{…}}, {@code @if(…)}, {@code @elseif(…)}, {@code @for(…)},
 * {@code @else}, {@code @endif}, {@code @endfor}, {@code @raw}/{@code @endraw} and {@code @template.x.y(…)} calls,
 * whose {@code @`…`} content blocks are markup again and are checked like the rest). Then it takes the HTML
 * apart: text between tags, and the attributes a reader sees or hears ({@link #READ_ATTRIBUTES}, and
 * {@code value} on submit, reset and button inputs, where it is the label), must have no letters left. Symbols
 * and punctuation (·, –, →, ↑) are fine.
 *
 * <p>Java string literals inside template code are not output as such, so they are not checked as markup; but a
 * literal that reads like prose (a capitalised word, or two words) is reported, because it would reach the page
 * as a template parameter or expression value.
 */
final class TemplateTextScanner {

    /** Attributes whose value is shown or read out to the user. */
    static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "alt", "label", "aria-label",
            "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext");
    private static final Set<String> BUTTON_INPUT_TYPES = Set.of("submit", "button", "reset");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);");
    /** A word that starts with a capital and goes on in lower case, or two words in a row. */
    private static final Pattern PROSE =
            Pattern.compile("(?<![\\p{L}\\p{N}_.$#-])\\p{Lu}\\p{Ll}+|\\p{L}{2,}\\s+\\p{L}{2,}");

    /** One piece of hard-coded text: where it is and what it says. */
    record Finding(int line, String kind, String text) {

        @Override
        public String toString() {
            return "line " + line + ", " + kind + ": \"" + text + "\"";
        }
    }

    private final String source;
    private final char[] markup;
    private final List<Finding> findings = new ArrayList<>();

    private TemplateTextScanner(String source) {
        this.source = source;
        this.markup = source.toCharArray();
    }

    /** Every piece of hard-coded text in {@code template}, in source order. */
    static List<Finding> scan(String template) {
        TemplateTextScanner scanner = new TemplateTextScanner(template);
        scanner.markup(0, false);
        scanner.html(new String(scanner.markup));
        scanner.findings.sort(Comparator.comparingInt(Finding::line));
        return List.copyOf(scanner.findings);
    }

    // ---- JTE: blank out everything that is Java, keep the markup --------------------------------------------

    /** Reads markup from {@code i}; inside a content block it stops after the closing backtick. */
    private int markup(int i, boolean contentBlock) {
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (contentBlock && c == '`') {
                blank(i, i + 1);
                return i + 1;
            }
            if (source.startsWith("<%--", i)) {
                int end = source.indexOf("--%>", i + 4);
                end = end < 0 ? n : end + 4;
                blank(i, end);
                i = end;
            } else if (source.startsWith("${", i)) {
                i = java(i, i + 2, '{', '}');
            } else if (source.startsWith("$unsafe{", i)) {
                i = java(i, i + 8, '{', '}');
            } else if (source.startsWith("!{", i)) {
                i = java(i, i + 2, '{', '}');
            } else if (c == '@') {
                i = keyword(i);
            } else {
                i++;
            }
        }
        return n;
    }

    /** Handles what follows an {@code @}; an {@code @} that starts no JTE keyword is plain text. */
    private int keyword(int at) {
        int nameEnd = at + 1;
        while (nameEnd < source.length() && Character.isLetter(source.charAt(nameEnd))) {
            nameEnd++;
        }
        String word = source.substring(at + 1, nameEnd);
        switch (word) {
            case "import", "param" -> {
                int end = source.indexOf('\n', at);
                end = end < 0 ? source.length() : end;
                proseLiterals(at, end);
                blank(at, end);
                return end;
            }
            case "if", "elseif", "for" -> {
                int open = skipSpaces(nameEnd);
                if (open < source.length() && source.charAt(open) == '(') {
                    return java(at, open + 1, '(', ')');
                }
                return at + 1;
            }
            case "else", "endif", "endfor", "raw", "endraw" -> {
                blank(at, nameEnd);
                return nameEnd;
            }
            case "template" -> {
                int end = nameEnd;
                while (end < source.length() && (Character.isLetterOrDigit(source.charAt(end))
                        || source.charAt(end) == '.' || source.charAt(end) == '-' || source.charAt(end) == '_')) {
                    end++;
                }
                int open = skipSpaces(end);
                if (open < source.length() && source.charAt(open) == '(') {
                    return java(at, open + 1, '(', ')');
                }
                return at + 1;
            }
            default -> {
                return at + 1;
            }
        }
    }

    /**
     * Blanks Java code from {@code start} up to the bracket that closes the one just before {@code body}, skipping
     * string literals and descending into {@code @`…`} content blocks, which are markup.
     */
    private int java(int start, int body, char open, char close) {
        int depth = 1;
        int segment = start;
        int i = body;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = I18nSources.endOfQuoted(source, i);
                if (c == '"') {
                    proseLiteral(i, end);
                }
                i = end;
            } else if (source.startsWith("@`", i)) {
                blank(segment, i + 2);
                i = markup(i + 2, true);
                segment = i;
            } else if (c == open) {
                depth++;
                i++;
            } else if (c == close && --depth == 0) {
                blank(segment, i + 1);
                return i + 1;
            } else {
                i++;
            }
        }
        blank(segment, source.length());
        return source.length();
    }

    private void proseLiterals(int from, int to) {
        int i = from;
        while (i < to) {
            if (source.charAt(i) == '"') {
                int end = I18nSources.endOfQuoted(source, i);
                proseLiteral(i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    private void proseLiteral(int start, int end) {
        String literal = source.substring(start, end);
        if (PROSE.matcher(literal).find()) {
            findings.add(new Finding(lineOf(start), "text in a Java string", literal.replaceAll("^\"+|\"+$", "")));
        }
    }

    private int skipSpaces(int i) {
        while (i < source.length() && source.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private void blank(int from, int to) {
        I18nSources.blank(markup, from, to);
    }

    // ---- HTML: text between tags and the attributes people read -----------------------------------------------

    private void html(String page) {
        char[] text = page.toCharArray();
        int n = page.length();
        int i = 0;
        while (i < n) {
            if (page.charAt(i) != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            char next = page.charAt(i + 1);
            int end;
            if (page.startsWith("<!--", i)) {
                int close = page.indexOf("-->", i + 4);
                end = close < 0 ? n : close + 3;
            } else if (next == '!' || next == '?') {
                int close = page.indexOf('>', i);
                end = close < 0 ? n : close + 1;
            } else if (Character.isLetter(next) || next == '/') {
                end = tag(page, i);
                String name = tagName(page, i);
                if (name.equals("script") || name.equals("style")) {
                    int close = page.toLowerCase(Locale.ROOT).indexOf("</" + name, end);
                    end = close < 0 ? n : close;
                }
            } else {
                i++;
                continue;
            }
            I18nSources.blank(text, i, end);
            i = end;
        }
        String[] lines = new String(text).split("\n", -1);
        for (int line = 0; line < lines.length; line++) {
            String visible = ENTITY.matcher(lines[line]).replaceAll(" ");
            if (LETTER.matcher(visible).find()) {
                findings.add(new Finding(line + 1, "text", visible.strip().replaceAll("\\s+", " ")));
            }
        }
    }

    private static String tagName(String page, int lt) {
        int i = lt + 1;
        if (i < page.length() && page.charAt(i) == '/') {
            return "";
        }
        int start = i;
        while (i < page.length() && (Character.isLetterOrDigit(page.charAt(i)) || page.charAt(i) == '-')) {
            i++;
        }
        return page.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Reads one tag starting at {@code lt}, checks its attributes, and returns the index after its {@code >}. */
    private int tag(String page, int lt) {
        String name = tagName(page, lt);
        int i = lt + 1 + (page.charAt(lt + 1) == '/' ? 1 : 0) + name.length();
        Map<String, int[]> attributes = new LinkedHashMap<>();
        while (i < page.length() && page.charAt(i) != '>') {
            char c = page.charAt(i);
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < page.length() && !Character.isWhitespace(page.charAt(i)) && "=>/".indexOf(page.charAt(i)) < 0) {
                i++;
            }
            String attribute = page.substring(nameStart, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < page.length() && Character.isWhitespace(page.charAt(j))) {
                j++;
            }
            if (j < page.length() && page.charAt(j) == '=') {
                j++;
                while (j < page.length() && Character.isWhitespace(page.charAt(j))) {
                    j++;
                }
                int valueStart;
                int valueEnd;
                if (j < page.length() && (page.charAt(j) == '"' || page.charAt(j) == '\'')) {
                    char quote = page.charAt(j);
                    valueStart = j + 1;
                    int close = page.indexOf(quote, valueStart);
                    valueEnd = close < 0 ? page.length() : close;
                    i = Math.min(page.length(), valueEnd + 1);
                } else {
                    valueStart = j;
                    while (j < page.length() && !Character.isWhitespace(page.charAt(j)) && page.charAt(j) != '>') {
                        j++;
                    }
                    valueEnd = j;
                    i = j;
                }
                attributes.put(attribute, new int[] {valueStart, valueEnd});
            } else {
                attributes.put(attribute, null);
            }
        }
        String type = value(page, attributes.get("type")).strip().toLowerCase(Locale.ROOT);
        // The value of <input type="submit"> is its label; the value of <button> is only sent with the form.
        boolean labelledByValue = name.equals("input") && BUTTON_INPUT_TYPES.contains(type);
        attributes.forEach((attribute, range) -> {
            boolean read = READ_ATTRIBUTES.contains(attribute) || (labelledByValue && attribute.equals("value"));
            String value = value(page, range);
            if (read && LETTER.matcher(ENTITY.matcher(value).replaceAll(" ")).find()) {
                findings.add(new Finding(lineOf(range[0]), "text in " + name + " " + attribute + "=",
                        value.strip().replaceAll("\\s+", " ")));
            }
        });
        return Math.min(page.length(), i + 1);
    }

    private static String value(String page, int[] range) {
        return range == null ? "" : page.substring(range[0], range[1]);
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
