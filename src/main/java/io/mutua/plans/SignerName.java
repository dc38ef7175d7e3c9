package io.mutua.plans;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a typed name is the signer's name. Case, accents (Greek tonos included) and spacing do not matter — "chloe
 * champion", "Chloé  Champion" and "CHLOE CHAMPION" all sign as Chloe Champion — but every letter must be there.
 */
final class SignerName {

    private SignerName() {
    }

    static boolean matches(String typed, String expected) {
        return typed != null && expected != null && !normalize(expected).isEmpty()
                && normalize(typed).equals(normalize(expected));
    }

    static String normalize(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('ς', 'σ').replaceAll("\\s+", " ").strip();
    }
}
