package io.mutua.deals;

import java.time.Instant;
import java.util.UUID;

/** One element of a deal's qualification; {@code version} 0 and status UNKNOWN when nobody assessed it yet. */
public record QualificationItem(MeddpiccElement element, QualificationStatus status, String notes,
        String contactName, String contactEmail, boolean required, Instant updatedAt, UUID updatedBy,
        String updatedByName, long version) {

    public boolean missing() {
        return required && status != QualificationStatus.CONFIRMED;
    }
}
