package io.mutua.forecasting.crm;

import java.time.Instant;

/** A history-file row that passed every check: a deal entered a stage at a time. */
record HistoryRow(int row, String crmRef, String stageKey, Instant at) {
}
