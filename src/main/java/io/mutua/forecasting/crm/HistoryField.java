package io.mutua.forecasting.crm;

/** The columns of a stage-history file, like a CRM's opportunity-history export: one row per stage entered. */
public enum HistoryField {
    DEAL_ID, STAGE, ENTERED_AT
}
