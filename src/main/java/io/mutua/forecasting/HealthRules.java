package io.mutua.forecasting;

import io.mutua.deals.MeddpiccElement;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The risk signals of an open deal (DESIGN §5) and the health they add up to. Pure: every fact comes in a
 * {@link Facts} record, thresholds in {@link Thresholds}.
 */
final class HealthRules {

    static final String STEPS_OVERDUE = "STEPS_OVERDUE";
    static final String PREDICTED_AFTER_TARGET = "PREDICTED_AFTER_TARGET";
    static final String BUYER_INACTIVE = "BUYER_INACTIVE";
    static final String NOT_MUTUAL_LATE = "NOT_MUTUAL_LATE";
    static final String MAP_UNSIGNED = "MAP_UNSIGNED";
    static final String QUALIFICATION_MISSING = "QUALIFICATION_MISSING";
    static final String NO_PLAN = "NO_PLAN";
    static final String CLOSE_DATE_PASSED = "CLOSE_DATE_PASSED";

    /** A step overdue by this many business days or more stalls the deal. */
    static final int STALLED_AFTER_BUSINESS_DAYS = 7;

    private HealthRules() {
    }

    /**
     * Pipeline positions of the stages that switch signals on; null switches that signal off.
     *
     * @param buyerInactiveDays calendar days without anything from the buyer side that make a MAP at risk
     */
    record Thresholds(Integer triggerPosition, Integer mutualByPosition, Integer signedByPosition,
            int buyerInactiveDays) {
    }

    /** An unfinished step with its current target date. */
    record OpenStep(String title, LocalDate targetDate) {
    }

    /** The deal's sales plan, if it has an open one. */
    record PlanFacts(PlanKind kind, PlanStatus status, LocalDate targetSignature, LocalDate convertedOn,
            List<OpenStep> unfinishedSteps, LocalDate lastBuyerActivity) {
    }

    /**
     * @param plan null when the deal has no open sales plan
     * @param missingQualification required MEDDPICC elements not confirmed
     */
    record Facts(LocalDate today, int stagePosition, LocalDate expectedClose, PlanFacts plan,
            LocalDate predictedClose, List<MeddpiccElement> missingQualification) {
    }

    record Result(Health health, List<HealthReason> reasons) {
    }

    static Result assess(Facts facts, Thresholds thresholds, BusinessCalendar calendar) {
        List<HealthReason> reasons = new ArrayList<>();
        LocalDate today = facts.today();
        PlanFacts plan = facts.plan();
        if (plan != null) {
            stepsOverdue(plan.unfinishedSteps(), today, calendar, reasons);
        }
        LocalDate target = plan != null && plan.targetSignature() != null ? plan.targetSignature()
                : facts.expectedClose();
        if (facts.predictedClose() != null && target != null && facts.predictedClose().isAfter(target)) {
            reasons.add(atRisk(PREDICTED_AFTER_TARGET,
                    String.valueOf(calendar.businessDaysBetween(target, facts.predictedClose())), target.toString()));
        }
        if (plan != null && plan.kind() == PlanKind.MUTUAL) {
            buyerInactive(plan, today, thresholds.buyerInactiveDays(), reasons);
        }
        int stage = facts.stagePosition();
        if (plan != null && plan.kind() == PlanKind.CLOSING && reached(stage, thresholds.mutualByPosition())) {
            reasons.add(atRisk(NOT_MUTUAL_LATE));
        }
        if (plan != null && plan.status() != PlanStatus.SIGNED && reached(stage, thresholds.signedByPosition())) {
            reasons.add(atRisk(MAP_UNSIGNED));
        }
        boolean pastTrigger = reached(stage, thresholds.triggerPosition());
        if (pastTrigger && !facts.missingQualification().isEmpty()) {
            reasons.add(atRisk(QUALIFICATION_MISSING, facts.missingQualification().stream()
                    .map(MeddpiccElement::name).collect(Collectors.joining(","))));
        }
        if (pastTrigger && plan == null) {
            reasons.add(atRisk(NO_PLAN));
        }
        if (facts.expectedClose() != null && facts.expectedClose().isBefore(today)) {
            reasons.add(atRisk(CLOSE_DATE_PASSED, facts.expectedClose().toString()));
        }
        reasons.sort(Comparator.comparing(HealthReason::severity).reversed());
        Health health = Health.ON_TRACK;
        for (HealthReason reason : reasons) {
            health = health.worse(reason.severity());
        }
        return new Result(health, List.copyOf(reasons));
    }

    private static void stepsOverdue(List<OpenStep> steps, LocalDate today, BusinessCalendar calendar,
            List<HealthReason> reasons) {
        int count = 0;
        OpenStep worst = null;
        int worstDays = 0;
        for (OpenStep step : steps) {
            int days = calendar.businessDaysBetween(step.targetDate(), today);
            if (days >= 1) {
                count++;
                if (days > worstDays) {
                    worst = step;
                    worstDays = days;
                }
            }
        }
        if (worst != null) {
            Health severity = worstDays >= STALLED_AFTER_BUSINESS_DAYS ? Health.STALLED : Health.AT_RISK;
            reasons.add(new HealthReason(STEPS_OVERDUE, severity,
                    List.of(String.valueOf(count), worst.title(), String.valueOf(worstDays))));
        }
    }

    private static void buyerInactive(PlanFacts plan, LocalDate today, int inactiveDays, List<HealthReason> reasons) {
        LocalDate since = plan.lastBuyerActivity() != null ? plan.lastBuyerActivity() : plan.convertedOn();
        if (since == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(since, today);
        if (days >= inactiveDays) {
            reasons.add(atRisk(BUYER_INACTIVE, String.valueOf(days),
                    plan.lastBuyerActivity() == null ? "" : plan.lastBuyerActivity().toString()));
        }
    }

    private static boolean reached(int stagePosition, Integer position) {
        return position != null && stagePosition >= position;
    }

    private static HealthReason atRisk(String code, String... args) {
        return new HealthReason(code, Health.AT_RISK, List.of(args));
    }
}
