package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.deals.Outcome;
import io.mutua.deals.StageView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first mapping offered for the exports of common CRMs. */
class HeaderGuessTest {

    private static final List<StageView> PIPELINE = List.of(
            new StageView("discovery", "Discovery", 1, 20, true, null, 0),
            new StageView("proposal", "Proposal", 2, 60, false, null, 0),
            new StageView("won", "Won", 3, 100, false, Outcome.WON, 0),
            new StageView("lost", "Lost", 4, 0, false, Outcome.LOST, 0));

    @Test
    void salesforceHubspotAndPipedriveHeadersAreRecognised() {
        assertThat(HeaderGuess.dealColumns(List.of("Opportunity Owner", "Account Name", "Opportunity Name", "Stage",
                "Amount", "Close Date", "Created Date", "Won", "Opportunity ID", "Fiscal Period")))
                .isEqualTo(Map.of(CrmField.ID, "Opportunity ID", CrmField.NAME, "Opportunity Name",
                        CrmField.ACCOUNT, "Account Name", CrmField.OWNER, "Opportunity Owner",
                        CrmField.AMOUNT, "Amount", CrmField.STAGE, "Stage", CrmField.CREATED, "Created Date",
                        CrmField.CLOSE_DATE, "Close Date", CrmField.OUTCOME, "Won"));
        assertThat(HeaderGuess.dealColumns(List.of("Record ID", "Deal Name", "Deal Stage", "Create Date",
                "Close Date", "Deal owner", "Amount")))
                .isEqualTo(Map.of(CrmField.ID, "Record ID", CrmField.NAME, "Deal Name", CrmField.STAGE, "Deal Stage",
                        CrmField.CREATED, "Create Date", CrmField.CLOSE_DATE, "Close Date",
                        CrmField.OWNER, "Deal owner", CrmField.AMOUNT, "Amount"));
        assertThat(HeaderGuess.dealColumns(List.of("ID", "Title", "Organization", "Value", "Currency", "Owner",
                "Stage", "Deal created", "Expected close date", "Won time", "Status")))
                .isEqualTo(Map.of(CrmField.ID, "ID", CrmField.NAME, "Title", CrmField.ACCOUNT, "Organization",
                        CrmField.AMOUNT, "Value", CrmField.CURRENCY, "Currency", CrmField.OWNER, "Owner",
                        CrmField.STAGE, "Stage", CrmField.CREATED, "Deal created",
                        CrmField.CLOSE_DATE, "Expected close date", CrmField.OUTCOME, "Status"));
        assertThat(HeaderGuess.historyColumns(List.of("Opportunity ID", "From Stage", "Stage", "Last Modified",
                "Created Date"))).isEqualTo(Map.of(HistoryField.DEAL_ID, "Opportunity ID",
                HistoryField.STAGE, "Stage", HistoryField.ENTERED_AT, "Last Modified"));
    }

    @Test
    void stageNamesThatSayAStageAreMappedToIt() {
        assertThat(HeaderGuess.stages(List.of("discovery", " PROPOSAL ", "Closed Won", "Lost", "Negotiation/Review"),
                PIPELINE)).isEqualTo(Map.of("discovery", "discovery", " PROPOSAL ", "proposal", "Closed Won", "won",
                "Lost", "lost"));
    }
}
