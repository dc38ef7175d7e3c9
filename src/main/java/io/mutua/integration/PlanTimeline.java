package io.mutua.integration;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline of a plan for print: one bar per step from its start to its target (to its completion once done),
 * grouped by milestone, across the plan's date range, with the first day of each month marked. Positions are CSS
 * percentages of the chart's width, so the print template only places boxes (PDFs get no SVG here).
 */
public record PlanTimeline(LocalDate from, LocalDate to, List<Tick> ticks, String today, List<Lane> lanes) {

    /** At most this many month labels; longer plans label every second, third… month. */
    static final int MOST_TICKS = 8;
    /** The narrowest bar, so that a one-day step in a year-long plan still shows. */
    static final double MIN_WIDTH = 0.6;

    /** A labelled month start at {@code left}. */
    public record Tick(LocalDate month, String left) {
    }

    /** A milestone's steps. */
    public record Lane(String milestone, List<Bar> bars) {
    }

    /** A step's bar; {@code state} is its CSS class (done, skipped, overdue, blocked, in-progress, not-started). */
    public record Bar(String title, LocalDate start, LocalDate end, String left, String width, String state) {
    }

    public boolean empty() {
        return lanes.stream().allMatch(lane -> lane.bars().isEmpty());
    }

    /** The timeline of these milestones; {@code today} is marked when it falls inside the plan. */
    static PlanTimeline of(List<MilestoneView> milestones, LocalDate today, ZoneId zone) {
        LocalDate first = null;
        LocalDate last = null;
        for (MilestoneView milestone : milestones) {
            for (StepView step : milestone.steps()) {
                LocalDate end = end(step, zone);
                LocalDate start = start(step, end);
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || end.isAfter(last) ? end : last;
            }
        }
        if (first == null) {
            return new PlanTimeline(today, today, List.of(), null, List.of());
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        List<Lane> lanes = new ArrayList<>();
        for (MilestoneView milestone : milestones) {
            List<Bar> bars = new ArrayList<>();
            for (StepView step : milestone.steps()) {
                LocalDate end = end(step, zone);
                LocalDate start = start(step, end);
                double left = percent(ChronoUnit.DAYS.between(first, start), days);
                double width = Math.max(MIN_WIDTH, percent(ChronoUnit.DAYS.between(start, end) + 1, days));
                bars.add(new Bar(step.title(), start, end, css(left), css(Math.min(width, 100 - left)), state(step)));
            }
            if (!bars.isEmpty()) {
                lanes.add(new Lane(milestone.title(), List.copyOf(bars)));
            }
        }
        String todayAt = today.isBefore(first) || today.isAfter(last) ? null
                : css(percent(ChronoUnit.DAYS.between(first, today), days));
        return new PlanTimeline(first, last, ticks(first, last, days), todayAt, List.copyOf(lanes));
    }

    private static List<Tick> ticks(LocalDate first, LocalDate last, long days) {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate month = first.withDayOfMonth(1).plusMonths(1); !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(month);
        }
        int every = Math.max(1, (months.size() + MOST_TICKS - 1) / MOST_TICKS);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < months.size(); i += every) {
            LocalDate month = months.get(i);
            ticks.add(new Tick(month, css(percent(ChronoUnit.DAYS.between(first, month), days))));
        }
        return List.copyOf(ticks);
    }

    /** How a bar is coloured; finished beats overdue, overdue beats the rest (as on the plan page). */
    static String state(StepView step) {
        if (step.status() == StepStatus.DONE) {
            return "done";
        }
        if (step.status() == StepStatus.SKIPPED) {
            return "skipped";
        }
        if (step.overdue()) {
            return "overdue";
        }
        return switch (step.status()) {
            case BLOCKED -> "blocked";
            case IN_PROGRESS -> "in-progress";
            default -> "not-started";
        };
    }

    /** A done step ends when it was completed; any other on its target. */
    static LocalDate end(StepView step, ZoneId zone) {
        if (step.status() == StepStatus.DONE && step.completedAt() != null) {
            return LocalDate.ofInstant(step.completedAt(), zone);
        }
        return step.targetDate();
    }

    private static LocalDate start(StepView step, LocalDate end) {
        LocalDate start = step.start() == null ? end : step.start();
        return start.isAfter(end) ? end : start;
    }

    private static double percent(long part, long whole) {
        return 100.0 * part / whole;
    }

    private static String css(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }
}
