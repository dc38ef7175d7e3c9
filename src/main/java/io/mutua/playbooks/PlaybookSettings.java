package io.mutua.playbooks;

import java.math.BigDecimal;

/**
 * What a playbook is called and when it is chosen: for deals whose segment matches (any when null) and whose
 * amount lies in [minAmount, maxAmount] (open ends when null), trying lower priorities first; the default
 * playbook catches every other deal.
 */
public record PlaybookSettings(String name, String description, String segment, BigDecimal minAmount,
        BigDecimal maxAmount, int priority, boolean isDefault) {

    public PlaybookSettings {
        name = name == null ? null : name.trim();
        description = description == null || description.isBlank() ? null : description.trim();
        segment = segment == null || segment.isBlank() ? null : segment.trim();
    }

    boolean matches(BigDecimal amount, String dealSegment) {
        if (segment != null && (dealSegment == null || !segment.equalsIgnoreCase(dealSegment.trim()))) {
            return false;
        }
        if (minAmount == null && maxAmount == null) {
            return true;
        }
        if (amount == null) {
            return false;
        }
        return (minAmount == null || amount.compareTo(minAmount) >= 0)
                && (maxAmount == null || amount.compareTo(maxAmount) <= 0);
    }

    boolean hasRules() {
        return segment != null || minAmount != null || maxAmount != null;
    }
}
