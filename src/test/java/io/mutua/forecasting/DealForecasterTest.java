package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.DurationEstimates;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.StepStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealForecasterTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final DurationEstimates DEFAULTS = (key, stage, steps, days) ->
            new DurationEstimates.Estimate(days, EstimateSource.PLAYBOOK_DEFAULT, 0);
    private static final List<DealForecaster.OpenStage> STAGES = List.of(
            new DealForecaster.OpenStage("lead", 1, 10.0), new DealForecaster.OpenStage("discovery", 2, null),
            new DealForecaster.OpenStage("proposal", 3, 5.0));

    private final DealForecaster forecaster = new DealForecaster(MONDAY, Instant.parse("2026-03-02T06:00:00Z"),
            new BusinessCalendar(Set.of()), DEFAULTS, STAGES,
            Map.of("lead", 1, "discovery", 2, "proposal", 3), new HealthRules.Thresholds(2, 3, null, 14));

    @Test
    void aPlannedDealSlipsPastTheRepsDateAndTheBuyersTargetInBusinessDays() {
        UUID step = UUID.randomUUID();
        DealForecaster.Plan plan = new DealForecaster.Plan(UUID.randomUUID(), PlanKind.CLOSING, PlanStatus.ACTIVE,
                LocalDate.of(2026, 3, 9), null, null, List.of(new ClosePrediction.Step(step, "s", "discovery",
                        "Proposal", StepStatus.NOT_STARTED, 8, false, false, MONDAY, null, Set.of())));

        DealForecast forecast = forecaster.forecast(new DealForecaster.Deal(UUID.randomUUID(), "discovery",
                LocalDate.of(2026, 3, 6), plan, List.of()));

        assertThat(forecast.predictedClose()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(forecast.predictionSource()).isEqualTo(PredictionSource.PLAN);
        assertThat(forecast.slipBusinessDays()).as("Fri 6 to Wed 11").isEqualTo(3);
        assertThat(forecast.targetClose()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(forecast.targetSlipBusinessDays()).isEqualTo(2);
        assertThat(forecast.health()).isEqualTo(Health.AT_RISK);
        assertThat(forecast.reasons()).extracting(HealthReason::code).containsExactly("PREDICTED_AFTER_TARGET");
    }

    @Test
    void withoutAPlanTheCurrentAndLaterStagesWithHistoryPredict() {
        DealForecast early = forecaster.forecast(new DealForecaster.Deal(UUID.randomUUID(), "lead", null, null,
                List.of()));
        DealForecast late = forecaster.forecast(new DealForecaster.Deal(UUID.randomUUID(), "proposal", null, null,
                List.of()));

        assertThat(early.predictedClose()).as("10 + 5 business days").isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(early.predictionSource()).isEqualTo(PredictionSource.STAGES);
        assertThat(early.slipBusinessDays()).isNull();
        assertThat(early.health()).isEqualTo(Health.ON_TRACK);
        assertThat(late.predictedClose()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(late.reasons()).extracting(HealthReason::code).containsExactly("NO_PLAN");
    }

    @Test
    void noStageWithEnoughHistoryMeansNoPrediction() {
        DealForecast forecast = forecaster.forecast(new DealForecaster.Deal(UUID.randomUUID(), "unknown",
                MONDAY.plusDays(3), null, List.of()));

        assertThat(forecast.predictedClose()).isNull();
        assertThat(forecast.predictionSource()).isEqualTo(PredictionSource.NONE);
        assertThat(forecast.slipBusinessDays()).isNull();
    }
}
