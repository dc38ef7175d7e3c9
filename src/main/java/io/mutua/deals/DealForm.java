package io.mutua.deals;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The deal form, for creating (with a starting stage) and for editing (with the version read). */
public record DealForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String name,
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String account,
        @DecimalMin(value = "0", message = "{validation.amount}")
        @Digits(integer = 13, fraction = 2, message = "{validation.amount}") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency,
        @NotNull(message = "{validation.required}") UUID ownerId,
        LocalDate expectedCloseDate,
        @Size(max = 100, message = "{validation.size}") String crmRef,
        @Size(max = 60, message = "{validation.size}") String segment,
        String stage,
        long version) {

    static DealForm blank(UUID ownerId, String currency, String stage) {
        return new DealForm("", "", null, currency, ownerId, null, "", "", stage, 0);
    }

    static DealForm from(DealView deal, String defaultCurrency) {
        return new DealForm(deal.name(), deal.account(), deal.amount(),
                deal.currency() == null ? defaultCurrency : deal.currency(), deal.ownerId(), deal.expectedCloseDate(),
                deal.crmRef() == null ? "" : deal.crmRef(), deal.segment() == null ? "" : deal.segment(),
                deal.stageKey(), deal.version());
    }

    DealForm withVersion(long newVersion) {
        return new DealForm(name, account, amount, currency, ownerId, expectedCloseDate, crmRef, segment, stage,
                newVersion);
    }

    /** The amount with its currency; a currency alone (the form always sends one) means "no amount". */
    DealDetails toDetails() {
        Money money = amount == null ? null : Money.from(amount, currency);
        return new DealDetails(name, account, money, ownerId, expectedCloseDate, crmRef, segment);
    }
}
