package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Security review|security-review",
            "  Legal / MSA redlines (round 2)  |legal-msa-redlines-round-2",
            "Démo pour l’équipe|demo-pour-l-equipe",
            "Υπογραφή σύμβασης|ypografi-symvasis",
            "Έγκριση από τον οικονομικό αγοραστή|egkrisi-apo-ton-oikonomiko-agorasti",
            "PO|po-step",
            "!!!|step"})
    void derivesAValidKeyFromTheTitle(String title, String key) {
        assertThat(StepKeys.suggest(title, Set.of())).isEqualTo(key).matches(PlaybookContent.KEY);
    }

    @Test
    void avoidsKeysThatAreTaken() {
        assertThat(StepKeys.suggest("Security review", Set.of("security-review", "security-review-2")))
                .isEqualTo("security-review-3");
    }

    @Test
    void longTitlesGiveKeysOfAtMostSixtyCharacters() {
        String key = StepKeys.suggest("Word ".repeat(30), Set.of());
        assertThat(key).hasSizeLessThanOrEqualTo(60).matches(PlaybookContent.KEY).doesNotEndWith("-");
        String numbered = StepKeys.suggest("Word ".repeat(30), Set.of(key));
        assertThat(numbered).hasSizeLessThanOrEqualTo(60).endsWith("-2").matches(PlaybookContent.KEY);
    }

    @Test
    void suggestsNothingWithoutATitle() {
        assertThat(StepKeys.suggest("  ", Set.of())).isEmpty();
        assertThat(StepKeys.suggest(null, Set.of())).isEmpty();
    }
}
