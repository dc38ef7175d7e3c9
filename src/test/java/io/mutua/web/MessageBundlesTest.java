package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.web.I18nSources.Bundle;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The English and Greek bundles say the same things: same keys, same placeholders, real Greek, valid patterns. */
class MessageBundlesTest {

    /**
     * Keys whose Greek value may equal the English one, or contain no Greek letters, because they are not text to
     * translate. Keep this short; a word that merely looks international (such as "Email") still gets translated.
     */
    private static final Map<String, String> SAME_IN_BOTH = Map.of(
            "app.name", "the product name is a brand",
            "language.en", "the language switcher names each language in that language",
            "language.el", "the language switcher names each language in that language");

    /** {@code {0}}, {@code {1,number,integer}}, {@code {0,choice,…}}: a MessageFormat argument and its type. */
    private static final Pattern INDEXED = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+))?");
    /** {@code {max}}: a Bean Validation attribute, interpolated by the validator rather than by MessageFormat. */
    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z_][\\w.]*)}");
    /** An apostrophe that is not doubled: MessageFormat treats it as the start of a quoted section. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern GREEK_LETTER = Pattern.compile("\\p{IsGreek}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final Bundle english = I18nSources.english();
    private final Bundle greek = I18nSources.greek();

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(english.messages().keySet());
        onlyEnglish.removeAll(greek.messages().keySet());
        Set<String> onlyGreek = new TreeSet<>(greek.messages().keySet());
        onlyGreek.removeAll(english.messages().keySet());

        assertThat(english.messages()).as("English bundle").isNotEmpty();
        assertThat(onlyEnglish).as("keys only in %s (missing from %s)", english.name(), greek.name()).isEmpty();
        assertThat(onlyGreek).as("keys only in %s (missing from %s)", greek.name(), english.name()).isEmpty();
    }

    @Test
    void noKeyIsWrittenTwice() {
        assertThat(english.duplicateKeys()).as("keys written twice in %s (the last one silently wins)", english.name())
                .isEmpty();
        assertThat(greek.duplicateKeys()).as("keys written twice in %s (the last one silently wins)", greek.name())
                .isEmpty();
    }

    @Test
    void noValueIsEmpty() {
        for (Bundle bundle : List.of(english, greek)) {
            List<String> empty = bundle.messages().entrySet().stream()
                    .filter(entry -> entry.getValue().isBlank())
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(empty).as("keys with an empty value in %s", bundle.name()).isEmpty();
        }
    }

    @Test
    void valuesWithArgumentsAreValidMessageFormatPatterns() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : List.of(english, greek)) {
            Locale locale = bundle == greek ? Locale.forLanguageTag("el") : Locale.ENGLISH;
            bundle.messages().forEach((key, value) -> {
                if (!INDEXED.matcher(value).find()) {
                    // Spring returns a message without arguments as written, so a doubled apostrophe would show.
                    if (value.contains("''")) {
                        problems.add(bundle.name() + " " + key
                                + ": '' shows up doubled in a message without arguments");
                    }
                    return;
                }
                try {
                    new MessageFormat(value, locale);
                } catch (IllegalArgumentException e) {
                    problems.add(bundle.name() + " " + key + ": not a MessageFormat pattern (" + e.getMessage() + ")");
                }
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    problems.add(bundle.name() + " " + key
                            + ": a single ' starts a quoted section in MessageFormat; write '' or use ’");
                }
            });
        }
        assertThat(problems).as("messages that MessageFormat would mangle").isEmpty();
    }

    @Test
    void placeholdersAreTheSameInEnglishAndGreek() {
        List<String> mismatches = new ArrayList<>();
        english.messages().forEach((key, englishValue) -> {
            String greekValue = greek.messages().get(key);
            if (greekValue == null) {
                return;
            }
            for (Pattern placeholder : List.of(INDEXED, NAMED)) {
                Set<String> inEnglish = placeholders(placeholder, englishValue);
                Set<String> inGreek = placeholders(placeholder, greekValue);
                if (!inEnglish.equals(inGreek)) {
                    mismatches.add(key + ": English " + inEnglish + ", Greek " + inGreek);
                }
            }
        });
        assertThat(mismatches).as("keys whose placeholders differ between the languages").isEmpty();
    }

    @Test
    void greekValuesAreTranslations() {
        List<String> untranslated = new ArrayList<>();
        greek.messages().forEach((key, greekValue) -> {
            if (SAME_IN_BOTH.containsKey(key) || !LETTER.matcher(words(greekValue)).find()) {
                return;
            }
            if (greekValue.equals(english.messages().get(key))) {
                untranslated.add(key + " = " + greekValue + "  (same as English)");
            } else if (!GREEK_LETTER.matcher(words(greekValue)).find()) {
                untranslated.add(key + " = " + greekValue + "  (no Greek letters)");
            }
        });
        assertThat(untranslated).as("Greek messages that are not translated").isEmpty();
    }

    @Test
    void englishValuesContainNoGreek() {
        List<String> greekInEnglish = english.messages().entrySet().stream()
                .filter(entry -> !SAME_IN_BOTH.containsKey(entry.getKey()))
                .filter(entry -> GREEK_LETTER.matcher(entry.getValue()).find())
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .toList();
        assertThat(greekInEnglish).as("English messages with Greek text (pasted into the wrong file?)").isEmpty();
    }

    @Test
    void allowListOnlyNamesExistingKeys() {
        assertThat(english.messages().keySet()).as("keys allowed to stay the same in both languages")
                .containsAll(SAME_IN_BOTH.keySet());
    }

    private static Set<String> placeholders(Pattern placeholder, String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = placeholder.matcher(value);
        while (matcher.find()) {
            found.add(matcher.groupCount() > 1 && matcher.group(2) != null
                    ? "{" + matcher.group(1) + "," + matcher.group(2) + "}"
                    : "{" + matcher.group(1) + "}");
        }
        return found;
    }

    /** The text a reader sees, without placeholder syntax: what is left to translate. */
    private static String words(String value) {
        return value.replaceAll("\\{\\s*\\d+\\s*,\\s*choice\\s*,", "")
                .replaceAll("\\{\\s*\\d+\\s*(,[^{}]*)?}", "")
                .replaceAll(NAMED.pattern(), "");
    }
}
