package io.mutua.deals;

import io.mutua.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A non-negative amount in an ISO 4217 currency, with at most two decimals. */
public record Money(BigDecimal amount, Currency currency) {

    static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0 || amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + amount);
        }
        amount = amount.setScale(2);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    /** Money from user input, with a clear error naming the field that is wrong. */
    public static Money from(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            throw new InvalidInputException("amount", "deals.amountWithoutCurrency");
        }
        if (currencyCode == null || currencyCode.isBlank()) {
            throw new InvalidInputException("currency", "deals.currencyRequired");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "validation.currency");
        }
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("amount", "validation.amount");
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }
}
