package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingFormTest {

    @Test
    void readsColumnsStagesAndFormatsAsTheFormSendsThemAndLeavesBlanksOut() {
        MappingForm form = MappingForm.from(Map.ofEntries(Map.entry("column_ID", "Opportunity ID"),
                Map.entry("column_NAME", " Name "), Map.entry("column_ACCOUNT", ""),
                Map.entry("history_STAGE", "To Stage"), Map.entry("stageName_0", "Closed Won"),
                Map.entry("stageKey_0", "won"), Map.entry("stageName_1", "Verbal"), Map.entry("stageKey_1", ""),
                Map.entry("dates", "EU"), Map.entry("currency", "usd"), Map.entry("version", "3")));

        CrmMapping mapping = form.toMapping();

        assertThat(mapping.columns()).containsOnly(Map.entry(CrmField.ID, "Opportunity ID"),
                Map.entry(CrmField.NAME, "Name"));
        assertThat(mapping.historyColumns()).containsOnly(Map.entry(HistoryField.STAGE, "To Stage"));
        assertThat(mapping.stages()).as("a name left unmapped is not in the mapping")
                .containsOnly(Map.entry("Closed Won", "won"));
        assertThat(mapping.dates()).isEqualTo(DateFormatHint.EU);
        assertThat(mapping.defaultCurrency()).isEqualTo("USD");
        assertThat(form.version()).isEqualTo(3);
    }

    @Test
    void requiredColumnsAndAKnownCurrencyAreProblemsWhenMissing() {
        MappingForm form = MappingForm.from(Map.of("column_NAME", "Name", "currency", "XYZ", "dates", "nonsense"));

        assertThat(form.problems(false)).containsOnlyKeys("column_ID", "column_STAGE", "column_CREATED", "currency");
        assertThat(form.problems(true)).containsKeys("history_DEAL_ID", "history_STAGE", "history_ENTERED_AT");
        assertThat(form.dates()).isEqualTo(DateFormatHint.AUTO);
        assertThat(form.version()).as("no version: any save is stale").isEqualTo(-1);
    }
}
