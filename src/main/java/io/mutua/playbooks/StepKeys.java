package io.mutua.playbooks;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a step key from its title: lower case, accents dropped, Greek letters spelled in Latin ones, everything
 * else a dash; unique within the playbook. Keys must be stable, so the suggestion is only a starting point.
 */
final class StepKeys {

    private static final int MAX = 60;
    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "a"), Map.entry('β', "v"), Map.entry('γ', "g"), Map.entry('δ', "d"),
            Map.entry('ε', "e"), Map.entry('ζ', "z"), Map.entry('η', "i"), Map.entry('θ', "th"),
            Map.entry('ι', "i"), Map.entry('κ', "k"), Map.entry('λ', "l"), Map.entry('μ', "m"),
            Map.entry('ν', "n"), Map.entry('ξ', "x"), Map.entry('ο', "o"), Map.entry('π', "p"),
            Map.entry('ρ', "r"), Map.entry('σ', "s"), Map.entry('ς', "s"), Map.entry('τ', "t"),
            Map.entry('υ', "y"), Map.entry('φ', "f"), Map.entry('χ', "ch"), Map.entry('ψ', "ps"),
            Map.entry('ω', "o"));

    private StepKeys() {
    }

    /** A valid key for a step called {@code title} that none of {@code taken} uses; empty when the title is blank. */
    static String suggest(String title, Set<String> taken) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String base = slug(title);
        if (base.length() < 3) {
            base = base.isEmpty() ? "step" : base + "-step";
        }
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = "-" + n;
            candidate = trim(base, MAX - suffix.length()) + suffix;
        }
        return candidate;
    }

    private static String slug(String title) {
        String plain = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder();
        for (char c : plain.toCharArray()) {
            String latin = GREEK.get(c);
            if (latin != null) {
                out.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else {
                out.append('-');
            }
        }
        return trim(out.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", ""), MAX);
    }

    private static String trim(String key, int max) {
        String cut = key.length() > max ? key.substring(0, max) : key;
        return cut.replaceAll("-+$", "");
    }
}
