package io.mutua.deals;

import java.time.LocalDate;
import java.util.UUID;

/** The editable facts of a deal; {@code money} and the optional fields may be null. */
public record DealDetails(String name, String account, Money money, UUID ownerId, LocalDate expectedCloseDate,
        String crmRef, String segment) {

    public DealDetails {
        name = name == null ? null : name.trim();
        account = account == null ? null : account.trim();
        crmRef = crmRef == null || crmRef.isBlank() ? null : crmRef.trim();
        segment = segment == null || segment.isBlank() ? null : segment.trim();
    }
}
