package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping JSON of the API and of stored imports. */
class CrmMappingJsonTest {

    @Test
    void theDocumentedExampleReadsAndWritesBack() {
        CrmMapping mapping = CrmMappingJson.read(CrmImportApiController.MAPPING_EXAMPLE);

        assertThat(mapping.columns()).containsEntry(CrmField.ID, "Opportunity ID")
                .containsEntry(CrmField.CLOSE_DATE, "Close Date").hasSize(8);
        assertThat(mapping.historyColumns()).isEqualTo(Map.of(HistoryField.DEAL_ID, "Opportunity ID",
                HistoryField.STAGE, "Stage", HistoryField.ENTERED_AT, "Last Modified"));
        assertThat(mapping.stageFor(" closed WON ")).isEqualTo("won");
        assertThat(mapping.dates()).isEqualTo(DateFormatHint.US);
        assertThat(mapping.defaultCurrency()).isEqualTo("USD");
        assertThat(CrmMappingJson.read(CrmMappingJson.write(mapping))).isEqualTo(mapping);
    }

    @Test
    void onlyColumnsAreNeeded() {
        CrmMapping mapping = CrmMappingJson.read("{\"columns\":{\"id\":\"Id\"}}");
        assertThat(mapping.columns()).isEqualTo(Map.of(CrmField.ID, "Id"));
        assertThat(mapping.dates()).isEqualTo(DateFormatHint.AUTO);
        assertThat(mapping.stages()).isEmpty();
    }

    @Test
    void whatDoesNotFitTheShapeIsRefusedNamingIt() {
        Map<String, String> refused = Map.of(
                "", "crm.mapping.invalid",
                "[1]", "crm.mapping.invalid",
                "{\"columns\":{\"ID\":1}}", "crm.mapping.invalid",
                "{\"columns\":[]}", "crm.mapping.invalid",
                "{\"colums\":{}}", "crm.mapping.unknownField",
                "{\"columns\":{\"OWNERS\":\"x\"}}", "crm.mapping.unknownField",
                "{\"columns\":{},\"dates\":\"UK\"}", "crm.mapping.unknownDates");
        refused.forEach((json, key) -> assertThatThrownBy(() -> CrmMappingJson.read(json)).as(json)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("mapping");
                }));
    }
}
