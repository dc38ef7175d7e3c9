package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void matchesEnglishAndGreekWhateverTheRegion() {
        assertThat(Languages.supported("el-GR")).contains(Locale.forLanguageTag("el"));
        assertThat(Languages.supported("en_US".replace('_', '-'))).contains(Locale.ENGLISH);
        assertThat(Languages.supported(" el ")).contains(Locale.forLanguageTag("el"));
    }

    @Test
    void knowsNothingElse() {
        assertThat(Languages.supported("fr")).isEmpty();
        assertThat(Languages.supported("")).isEmpty();
        assertThat(Languages.supported(null)).isEmpty();
    }
}
