package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A typed name signs when it is the signer's name, whatever its capitals, accents and spacing. */
class SignerNameTest {

    @Test
    void capitalsAccentsAndSpacingDoNotMatter() {
        assertThat(SignerName.matches("chloe  champion", "Chloe Champion")).isTrue();
        assertThat(SignerName.matches(" CHLOÉ CHAMPION ", "Chloe Champion")).isTrue();
        assertThat(SignerName.matches("ελένη παπαδοπούλου", "ΕΛΕΝΗ ΠΑΠΑΔΟΠΟΥΛΟΥ")).isTrue();
        assertThat(SignerName.matches("Νίκος Γεωργίου", "νικος γεωργιου")).isTrue();
    }

    @Test
    void everyLetterMustBeThere() {
        assertThat(SignerName.matches("Chloe", "Chloe Champion")).isFalse();
        assertThat(SignerName.matches("Chloe Champions", "Chloe Champion")).isFalse();
        assertThat(SignerName.matches("ChloeChampion", "Chloe Champion")).isFalse();
        assertThat(SignerName.matches("", "")).isFalse();
        assertThat(SignerName.matches(null, "Chloe Champion")).isFalse();
    }
}
