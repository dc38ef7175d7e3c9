package io.mutua.collaboration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * "@" followed by the name or the email of someone on the plan. The longest name wins ("@Anna Maria" is not
 * "@Anna"), case does not matter, and an "@" inside a word (an email address) starts no mention.
 */
final class Mentions {

    static final String CSS_CLASS = "mention";
    private static final Set<String> UNTOUCHED = Set.of("a", "code", "pre");

    /** Someone who can be mentioned on a plan. */
    record Person(UUID participantId, UUID userId, String name, String email, boolean buyer) {

        Stream<String> handles() {
            return Stream.of(name, email).filter(handle -> handle != null && !handle.isBlank());
        }
    }

    private final List<Person> people;
    private final Pattern pattern;

    private Mentions(List<Person> people, Pattern pattern) {
        this.people = people;
        this.pattern = pattern;
    }

    static Mentions of(List<Person> people) {
        List<String> handles = people.stream().flatMap(Person::handles).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (handles.isEmpty()) {
            return new Mentions(List.of(), null);
        }
        String alternatives = handles.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new Mentions(people, Pattern.compile("(?<![\\p{L}\\p{N}_.@])@(" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The people the text mentions, in the order they are first mentioned. */
    Set<Person> in(String text) {
        Set<Person> found = new LinkedHashSet<>();
        if (pattern == null || text == null) {
            return found;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String handle = matcher.group(1).toLowerCase(Locale.ROOT);
            people.stream().filter(person -> person.handles().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(handle)))
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * Marks the mentions in sanitized HTML. Only text is touched (never links or code), and the marks are
     * elements made here, whose text jsoup escapes, so the result is as safe as what came in.
     */
    String highlight(String safeHtml) {
        if (pattern == null || safeHtml == null || safeHtml.isEmpty()) {
            return safeHtml;
        }
        Document document = Jsoup.parseBodyFragment(safeHtml);
        document.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text && !insideUntouched(text)) {
                texts.add(text);
            }
        }, document.body());
        for (TextNode text : texts) {
            mark(text);
        }
        return document.body().html();
    }

    private void mark(TextNode text) {
        String whole = text.getWholeText();
        Matcher matcher = pattern.matcher(whole);
        List<Node> parts = new ArrayList<>();
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new TextNode(whole.substring(at, matcher.start())));
            }
            parts.add(new Element("span").addClass(CSS_CLASS).text(matcher.group()));
            at = matcher.end();
        }
        if (parts.isEmpty()) {
            return;
        }
        if (at < whole.length()) {
            parts.add(new TextNode(whole.substring(at)));
        }
        for (Node part : parts) {
            text.before(part);
        }
        text.remove();
    }

    private static boolean insideUntouched(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && UNTOUCHED.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }
}
