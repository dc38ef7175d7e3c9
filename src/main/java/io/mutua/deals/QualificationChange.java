package io.mutua.deals;

/** A change to one qualification element; a null contact clears it. */
public record QualificationChange(QualificationStatus status, String notes, String contactName,
        String contactEmail) {
}
