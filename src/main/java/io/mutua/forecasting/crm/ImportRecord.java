package io.mutua.forecasting.crm;

import java.time.Instant;
import java.util.UUID;

/** One row of crm_import without the file bytes. {@code filesKept} is false once old files were deleted. */
record ImportRecord(UUID id, UUID createdBy, Instant createdAt, String fileName, String historyName,
        CrmMapping mapping, ImportStatus status, int totalRows, int processedRows, ImportOutcome outcome,
        String failure, Instant finishedAt, long version, boolean filesKept) {

    boolean hasHistory() {
        return historyName != null;
    }

    boolean interrupted() {
        return "INTERRUPTED".equals(failure);
    }
}
