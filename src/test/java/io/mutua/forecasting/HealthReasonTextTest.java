package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class HealthReasonTextTest {

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale GREEK = Locale.forLanguageTag("el");

    private final HealthReasonText text = new HealthReasonText(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyReasonReadsAsASentenceWithItsFiguresInBothLanguages() {
        List<HealthReason> reasons = List.of(
                new HealthReason("STEPS_OVERDUE", Health.STALLED, List.of("2", "Legal review", "7")),
                new HealthReason("PREDICTED_AFTER_TARGET", Health.AT_RISK, List.of("3", "2026-03-20")),
                new HealthReason("BUYER_INACTIVE", Health.AT_RISK, List.of("15", "2026-02-25")),
                new HealthReason("BUYER_INACTIVE", Health.AT_RISK, List.of("20", "")),
                new HealthReason("NOT_MUTUAL_LATE", Health.AT_RISK, List.of()),
                new HealthReason("MAP_UNSIGNED", Health.AT_RISK, List.of()),
                new HealthReason("QUALIFICATION_MISSING", Health.AT_RISK, List.of("ECONOMIC_BUYER,CHAMPION")),
                new HealthReason("NO_PLAN", Health.AT_RISK, List.of()),
                new HealthReason("CLOSE_DATE_PASSED", Health.AT_RISK, List.of("2026-03-10")));
        for (HealthReason reason : reasons) {
            for (Locale locale : List.of(ENGLISH, GREEK)) {
                assertThat(text.text(reason, locale)).as(reason + " in " + locale)
                        .doesNotContain("{", "}").isNotEqualTo(reason.code());
            }
        }
        assertThat(text.text(reasons.get(0), ENGLISH))
                .isEqualTo("2 steps are overdue; the most overdue, “Legal review”, by 7 business days.");
        assertThat(text.text(reasons.get(1), ENGLISH)).isEqualTo(
                "The plan predicts closing 3 business days after the target date Mar 20, 2026.");
        assertThat(text.text(reasons.get(3), ENGLISH)).contains("for 20 days", "never");
        assertThat(text.text(reasons.get(6), ENGLISH)).isEqualTo(
                "Required qualification is not confirmed: Economic buyer, Champion.");
        assertThat(text.text(reasons.get(6), GREEK)).doesNotContain("Economic buyer");
    }

    @Test
    void statesSourcesAndSlipsHaveNamesInBothLanguages() {
        for (Locale locale : List.of(ENGLISH, GREEK)) {
            for (Health health : Health.values()) {
                assertThat(text.name(health, locale)).isNotBlank();
            }
            for (PredictionSource source : PredictionSource.values()) {
                assertThat(text.source(source, locale)).isNotBlank();
            }
        }
        assertThat(text.name(Health.AT_RISK, ENGLISH)).isEqualTo("At risk");
        assertThat(text.slip(3, ENGLISH)).isEqualTo("3 business days later");
        assertThat(text.slip(-1, ENGLISH)).isEqualTo("one business day earlier");
        assertThat(text.slip(0, ENGLISH)).isEqualTo("on the date");
    }
}
