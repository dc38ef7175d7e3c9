package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the i18n tests read straight from the source tree: the two message bundles, the JTE templates and the
 * main Java sources, plus a small Java-aware reader for the arguments of a call. No Spring context is involved.
 */
final class I18nSources {

    static final Path TEMPLATES = Path.of("src/main/jte");
    static final Path JAVA = Path.of("src/main/java");
    static final Path ENGLISH = Path.of("src/main/resources/messages.properties");
    static final Path GREEK = Path.of("src/main/resources/messages_el.properties");

    private I18nSources() {
    }

    /** A message bundle as written: its entries in file order and the keys that were written more than once. */
    record Bundle(Path file, Map<String, String> messages, Set<String> duplicateKeys) {

        String name() {
            return file.getFileName().toString();
        }
    }

    /** A source file with its path relative to the project, for messages. */
    record Source(Path path, String text) {

        String name() {
            return path.toString().replace('\\', '/');
        }

        int lineOf(int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        String at(int offset) {
            return name() + ":" + lineOf(offset);
        }
    }

    /** A call found in a source: where its name starts and its top-level arguments as written. */
    record Call(int offset, List<String> args) {
    }

    static Bundle english() {
        return bundle(ENGLISH);
    }

    static Bundle greek() {
        return bundle(GREEK);
    }

    /** Reads a bundle as UTF-8 (as spring.messages.encoding says), remembering keys written twice. */
    static Bundle bundle(Path file) {
        assertThat(file).as("message bundle (tests run from the project directory)").isRegularFile();
        Map<String, String> messages = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        Properties recorder = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (messages.put((String) key, (String) value) != null) {
                    duplicates.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            recorder.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bundle(file, Collections.unmodifiableMap(messages), Collections.unmodifiableSet(duplicates));
    }

    static List<Source> templates() {
        return sources(TEMPLATES, ".jte");
    }

    /** Main Java sources with their comments blanked out, so that Javadoc examples do not count as usages. */
    static List<Source> javaSources() {
        return sources(JAVA, ".java").stream()
                .map(source -> new Source(source.path(), blankJavaComments(source.text())))
                .toList();
    }

    private static List<Source> sources(Path root, String suffix) {
        assertThat(root).as("source folder (tests run from the project directory)").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .map(file -> new Source(file, read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every call whose start {@code callStart} matches (the pattern must end with the opening parenthesis),
     * with its top-level arguments split on commas that are outside strings, parentheses, brackets and braces.
     */
    static List<Call> calls(String text, Pattern callStart) {
        List<Call> calls = new ArrayList<>();
        Matcher matcher = callStart.matcher(text);
        while (matcher.find()) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            int argStart = matcher.end();
            int i = matcher.end();
            boolean closed = false;
            while (i < text.length() && !closed) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfQuoted(text, i);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if (c == ')' || (c == ',' && depth == 0)) {
                    String arg = text.substring(argStart, i).trim();
                    if (!arg.isEmpty() || c == ',' || !args.isEmpty()) {
                        args.add(arg);
                    }
                    argStart = i + 1;
                    closed = c == ')';
                }
                i++;
            }
            calls.add(new Call(matcher.start(), List.copyOf(args)));
        }
        return calls;
    }

    /** The value of {@code expression} when it is exactly one Java string literal. */
    static Optional<String> stringLiteral(String expression) {
        String e = expression.trim();
        if (e.length() < 2 || e.charAt(0) != '"' || endOfQuoted(e, 0) != e.length()) {
            return Optional.empty();
        }
        return Optional.of(unescape(e.substring(1, e.length() - 1)));
    }

    /** The index just after the Java string or char literal that starts at {@code start}. */
    static int endOfQuoted(String text, int start) {
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() : end + 3;
        }
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Replaces Java comments with spaces (keeping line breaks and offsets); string literals are left alone. */
    static String blankJavaComments(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfQuoted(text, i);
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                blank(out, i, end);
                i = end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    static void blank(char[] out, int from, int to) {
        for (int i = from; i < to && i < out.length; i++) {
            if (out[i] != '\n' && out[i] != '\r') {
                out[i] = ' ';
            }
        }
    }
}
