package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTwoDecimalsInAnIsoCurrency() {
        Money money = Money.of("1250.5", "EUR");
        assertThat(money.amount()).isEqualByComparingTo("1250.50");
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.currencyCode()).isEqualTo("EUR");
    }

    @Test
    void refusesNegativeHugeAndOverPreciseAmounts() {
        assertThatThrownBy(() -> Money.of("-1", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("10000000000000", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.005", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("1.500", "EUR").amount()).isEqualByComparingTo("1.50");
    }

    @Test
    void userInputErrorsNameTheFieldThatIsWrong() {
        assertThatThrownBy(() -> Money.from(new BigDecimal("10"), "EURO"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.from(new BigDecimal("10"), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.from(new BigDecimal("-10"), "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.from(null, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }
}
