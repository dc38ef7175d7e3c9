package io.mutua.forecasting.crm;

import io.mutua.deals.Money;
import java.time.Instant;
import java.time.LocalDate;

/** A deals-file row that passed every check. */
record DealRow(int row, String crmRef, String name, String account, OwnerDirectory.Owner owner, Money money,
        String stageKey, Instant closedAt, LocalDate expectedClose, Instant createdAt, String segment) {
}
