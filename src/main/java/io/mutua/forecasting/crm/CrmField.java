package io.mutua.forecasting.crm;

/** The deal facts a CRM export can give, each read from one column of the deals file. */
public enum CrmField {
    /** The CRM's own id of the deal: re-importing the same id updates that deal instead of adding one. Required. */
    ID,
    /** Required. */
    NAME,
    /** The buyer's company; the deal name when the file has no such column. */
    ACCOUNT,
    /** A user's email or name; someone without a login becomes a named owner. Blank: the person importing. */
    OWNER,
    /** With or without a currency symbol or code and thousands separators. */
    AMOUNT,
    /** ISO 4217 code, when amounts carry none. */
    CURRENCY,
    /** The deal's current stage, or the stage it closed in; mapped to a pipeline stage. Required. */
    STAGE,
    /** When the deal was created or the buyer engaged: where its sales cycle starts. Required. */
    CREATED,
    /** The expected close date of an open deal, the close date of a closed one. */
    CLOSE_DATE,
    /** Won or lost, for files that keep it apart from the stage; mapped like stages. */
    OUTCOME,
    SEGMENT
}
