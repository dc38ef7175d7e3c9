package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.deals.MeddpiccElement;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    /** Wednesday 11 March 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(Set.of());
    /** Stages: 1 lead, 2 discovery (trigger), 3 proposal (mutual by), 4 negotiation (signed by). */
    private static final HealthRules.Thresholds THRESHOLDS = new HealthRules.Thresholds(2, 3, 4, 14);

    private static HealthRules.PlanFacts plan(PlanKind kind, PlanStatus status, LocalDate target,
            LocalDate lastBuyer, HealthRules.OpenStep... steps) {
        return new HealthRules.PlanFacts(kind, status, target, TODAY.minusMonths(2), List.of(steps), lastBuyer);
    }

    private static HealthRules.PlanFacts closing(HealthRules.OpenStep... steps) {
        return plan(PlanKind.CLOSING, PlanStatus.ACTIVE, null, null, steps);
    }

    private static HealthRules.Result assess(int stage, LocalDate expected, HealthRules.PlanFacts plan,
            LocalDate predicted, MeddpiccElement... missing) {
        return HealthRules.assess(new HealthRules.Facts(TODAY, stage, expected, plan, predicted, List.of(missing)),
                THRESHOLDS, CALENDAR);
    }

    @Test
    void aDealWithNothingWrongIsOnTrack() {
        HealthRules.Result result = assess(2, TODAY.plusMonths(1), closing(), TODAY.plusDays(7));

        assertThat(result.health()).isEqualTo(Health.ON_TRACK);
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void aStepSixBusinessDaysOverdueIsARiskAndSevenStallTheDeal() {
        HealthRules.OpenStep sixDays = new HealthRules.OpenStep("Security review", LocalDate.of(2026, 3, 3));
        HealthRules.OpenStep sevenDays = new HealthRules.OpenStep("Legal review", LocalDate.of(2026, 3, 2));
        HealthRules.OpenStep dueToday = new HealthRules.OpenStep("Pricing", TODAY);

        HealthRules.Result atRisk = assess(2, null, closing(sixDays, dueToday), null);
        HealthRules.Result stalled = assess(2, null, closing(sixDays, sevenDays, dueToday), null);

        assertThat(atRisk.health()).isEqualTo(Health.AT_RISK);
        assertThat(atRisk.reasons()).containsExactly(new HealthReason("STEPS_OVERDUE", Health.AT_RISK,
                List.of("1", "Security review", "6")));
        assertThat(stalled.health()).isEqualTo(Health.STALLED);
        assertThat(stalled.reasons()).containsExactly(new HealthReason("STEPS_OVERDUE", Health.STALLED,
                List.of("2", "Legal review", "7")));
    }

    @Test
    void aStepDueOnFridayIsNotOverdueOverTheWeekend() {
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        HealthRules.Result result = HealthRules.assess(new HealthRules.Facts(saturday, 2, null,
                closing(new HealthRules.OpenStep("Demo", LocalDate.of(2026, 3, 13))), null, List.of()),
                THRESHOLDS, CALENDAR);

        assertThat(result.health()).isEqualTo(Health.ON_TRACK);
    }

    @Test
    void aPredictedCloseAfterTheBuyersTargetOrElseTheExpectedCloseIsARisk() {
        LocalDate target = LocalDate.of(2026, 3, 20);
        HealthRules.PlanFacts withTarget = plan(PlanKind.CLOSING, PlanStatus.ACTIVE, target, null);

        assertThat(assess(2, TODAY.plusMonths(3), withTarget, LocalDate.of(2026, 3, 24)).reasons())
                .as("the buyer's target counts before the rep's date")
                .containsExactly(new HealthReason("PREDICTED_AFTER_TARGET", Health.AT_RISK,
                        List.of("2", "2026-03-20")));
        assertThat(assess(2, TODAY.plusMonths(3), withTarget, target).reasons()).isEmpty();
        assertThat(assess(2, LocalDate.of(2026, 3, 23), closing(), LocalDate.of(2026, 3, 24)).reasons())
                .containsExactly(new HealthReason("PREDICTED_AFTER_TARGET", Health.AT_RISK,
                        List.of("1", "2026-03-23")));
    }

    @Test
    void aMutualPlanWhoseBuyersDidNothingForFourteenDaysIsARiskThirteenIsNot() {
        HealthRules.PlanFacts thirteen = plan(PlanKind.MUTUAL, PlanStatus.ACTIVE, null, TODAY.minusDays(13));
        HealthRules.PlanFacts fourteen = plan(PlanKind.MUTUAL, PlanStatus.ACTIVE, null, TODAY.minusDays(14));
        HealthRules.PlanFacts neverSinceConversion = new HealthRules.PlanFacts(PlanKind.MUTUAL, PlanStatus.ACTIVE,
                null, TODAY.minusDays(20), List.of(), null);
        HealthRules.PlanFacts closingPlan = plan(PlanKind.CLOSING, PlanStatus.ACTIVE, null, TODAY.minusDays(40));

        assertThat(assess(2, null, thirteen, null).reasons()).isEmpty();
        assertThat(assess(2, null, fourteen, null).reasons()).containsExactly(new HealthReason("BUYER_INACTIVE",
                Health.AT_RISK, List.of("14", "2026-02-25")));
        assertThat(assess(2, null, neverSinceConversion, null).reasons()).containsExactly(
                new HealthReason("BUYER_INACTIVE", Health.AT_RISK, List.of("20", "")));
        assertThat(assess(2, null, closingPlan, null).reasons()).as("buyers are not in a closing plan").isEmpty();
    }

    @Test
    void anInternalClosingPlanAtTheLateStageIsARisk() {
        assertThat(assess(2, null, closing(), null).reasons()).isEmpty();
        assertThat(assess(3, null, closing(), null).reasons()).extracting(HealthReason::code)
                .containsExactly("NOT_MUTUAL_LATE");
        assertThat(assess(3, null, plan(PlanKind.MUTUAL, PlanStatus.ACTIVE, null, TODAY), null).reasons()).isEmpty();
        assertThat(HealthRules.assess(new HealthRules.Facts(TODAY, 3, null, closing(), null, List.of()),
                new HealthRules.Thresholds(2, null, null, 14), CALENDAR).reasons())
                .as("no such stage in the pipeline: the signal is off").isEmpty();
    }

    @Test
    void anUnsignedPlanInNegotiationIsARisk() {
        HealthRules.PlanFacts active = plan(PlanKind.MUTUAL, PlanStatus.ACTIVE, null, TODAY);
        HealthRules.PlanFacts signed = plan(PlanKind.MUTUAL, PlanStatus.SIGNED, null, TODAY);

        assertThat(assess(3, null, active, null).reasons()).isEmpty();
        assertThat(assess(4, null, active, null).reasons()).extracting(HealthReason::code)
                .containsExactly("MAP_UNSIGNED");
        assertThat(assess(4, null, signed, null).reasons()).isEmpty();
    }

    @Test
    void missingRequiredQualificationIsARiskFromTheTriggerStageOn() {
        assertThat(assess(1, null, null, null, MeddpiccElement.CHAMPION).reasons()).isEmpty();
        assertThat(assess(2, null, closing(), null, MeddpiccElement.ECONOMIC_BUYER, MeddpiccElement.CHAMPION)
                .reasons()).containsExactly(new HealthReason("QUALIFICATION_MISSING", Health.AT_RISK,
                        List.of("ECONOMIC_BUYER,CHAMPION")));
    }

    @Test
    void aDealPastTheTriggerStageWithoutAPlanIsARiskBeforeItIsNot() {
        assertThat(assess(1, null, null, null).health()).isEqualTo(Health.ON_TRACK);
        assertThat(assess(2, null, null, null).reasons()).extracting(HealthReason::code).containsExactly("NO_PLAN");
    }

    @Test
    void anExpectedCloseDateInThePastIsARiskTodayIsNot() {
        assertThat(assess(1, TODAY, null, null).reasons()).isEmpty();
        assertThat(assess(1, TODAY.minusDays(1), null, null).reasons()).containsExactly(
                new HealthReason("CLOSE_DATE_PASSED", Health.AT_RISK, List.of("2026-03-10")));
    }

    @Test
    void theWorstReasonDecidesAndComesFirst() {
        HealthRules.PlanFacts plan = plan(PlanKind.CLOSING, PlanStatus.ACTIVE, null, null,
                new HealthRules.OpenStep("Legal review", LocalDate.of(2026, 2, 20)));

        HealthRules.Result result = assess(4, TODAY.minusDays(2), plan, TODAY.plusDays(5), MeddpiccElement.CHAMPION);

        assertThat(result.health()).isEqualTo(Health.STALLED);
        assertThat(result.reasons()).extracting(HealthReason::code).containsExactly("STEPS_OVERDUE",
                "PREDICTED_AFTER_TARGET", "NOT_MUTUAL_LATE", "MAP_UNSIGNED", "QUALIFICATION_MISSING",
                "CLOSE_DATE_PASSED");
    }
}
