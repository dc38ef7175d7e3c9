package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class ForecastBasisTest {

    @Test
    void readsTheBasisFromTheAddressWithPredictedByDefault() {
        assertThat(ForecastBasis.parse(null)).isEqualTo(ForecastBasis.PREDICTED);
        assertThat(ForecastBasis.parse(" ")).isEqualTo(ForecastBasis.PREDICTED);
        assertThat(ForecastBasis.parse("expected")).isEqualTo(ForecastBasis.EXPECTED);
        assertThat(ForecastBasis.parse("Predicted")).isEqualTo(ForecastBasis.PREDICTED);
        assertThat(ForecastBasis.EXPECTED.param()).isEqualTo("expected");
    }

    @Test
    void refusesAnyOtherBasisNamingTheParameter() {
        assertThatThrownBy(() -> ForecastBasis.parse("weighted"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("by");
                    assertThat(e.messageKey()).isEqualTo("forecast.badBasis");
                });
    }
}
