package io.mutua.plans;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The timeline of a plan as the page draws it in SVG, laid out here so that the template only places what it is
 * given: one bar per step from its start to its target (to its completion once done), grouped by milestone, on a
 * grid of whole weeks with weekends shaded, and lines for today and the deal's expected close date.
 *
 * <p>Coordinates are SVG user units. The day width adapts to the span (a month gets wide days, a year narrow ones)
 * so the chart keeps a readable width; the page scales it to fit.
 */
public record Timeline(int width, int height, int chartTop, LocalDate from, LocalDate to, int dayWidth,
        List<Band> weekends, List<GridLine> weeks, List<MonthMark> months, Marker today, Marker expectedClose,
        List<Group> groups) {

    static final int LABEL_WIDTH = 250;
    static final int RIGHT_PADDING = 12;
    static final int HEADER_HEIGHT = 56;
    static final int MILESTONE_HEIGHT = 28;
    static final int ROW_HEIGHT = 24;
    static final int BAR_HEIGHT = 14;
    static final int BOTTOM_PADDING = 8;
    static final int CHART_WIDTH = 780;
    static final int MIN_DAY_WIDTH = 3;
    static final int MAX_DAY_WIDTH = 28;
    static final int MIN_WEEKS = 4;
    static final int MAX_LABEL = 34;
    /** Room a month name needs before the next one starts. */
    static final int MONTH_LABEL_ROOM = 64;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLL yyyy");

    /** A stretch of the chart, such as a weekend: from {@code x}, {@code width} wide. */
    public record Band(int x, int width) {
    }

    /** The line at the start of a week, labelled with the Monday's day of month. */
    public record GridLine(int x, LocalDate monday) {

        public int dayOfMonth() {
            return monday.getDayOfMonth();
        }
    }

    /** Where a month begins; {@code labelled} when there is room for its name. */
    public record MonthMark(int x, LocalDate first, boolean labelled) {

        /** The month's short name and year in the reader's language ("Mar 2026"). */
        public String label(Locale locale) {
            return MONTH.withLocale(locale).format(first);
        }
    }

    /** A vertical line at a date. */
    public record Marker(int x, LocalDate date) {
    }

    /** A milestone: its title row at {@code y}, the span of its steps ({@code null} without steps), its rows. */
    public record Group(UUID milestoneId, String title, int y, Band span, List<Row> rows) {

        public int textY() {
            return y + MILESTONE_HEIGHT - 9;
        }

        public int spanY() {
            return y + MILESTONE_HEIGHT - 6;
        }
    }

    /**
     * A step's row: a shortened label (the full title is kept for the tooltip), its bar from {@code start} to
     * {@code end}, the CSS state of the bar, and where its baseline was when the step slipped (else null).
     */
    public record Row(UUID stepId, String label, String title, int y, Band bar, LocalDate start, LocalDate end,
            StepStatus status, String state, Integer baselineX) {

        public int barY() {
            return y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        }

        public int barHeight() {
            return BAR_HEIGHT;
        }

        public int textY() {
            return y + ROW_HEIGHT - 8;
        }
    }

    public int labelX() {
        return 8;
    }

    public int stepLabelX() {
        return 20;
    }

    public int chartLeft() {
        return LABEL_WIDTH;
    }

    public int chartHeight() {
        return height - chartTop;
    }

    public int monthLabelY() {
        return 16;
    }

    public int weekLabelY() {
        return 33;
    }

    public int markerLabelY() {
        return 50;
    }

    public int rowCount() {
        return groups.stream().mapToInt(group -> group.rows().size()).sum();
    }

    public static Timeline of(PlanView plan, LocalDate today, ZoneId zone) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(today, "today");
        LocalDate first = today;
        LocalDate last = today;
        if (plan.expectedClose() != null) {
            first = plan.expectedClose().isBefore(first) ? plan.expectedClose() : first;
            last = plan.expectedClose().isAfter(last) ? plan.expectedClose() : last;
        }
        for (StepView step : plan.steps()) {
            LocalDate end = end(step, zone);
            LocalDate start = start(step, end);
            first = start.isBefore(first) ? start : first;
            last = end.isAfter(last) ? end : last;
        }
        LocalDate from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        if (ChronoUnit.DAYS.between(from, to) + 1 < MIN_WEEKS * 7L) {
            to = from.plusWeeks(MIN_WEEKS).minusDays(1);
        }
        int days = Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
        int dayWidth = Math.max(MIN_DAY_WIDTH, Math.min(MAX_DAY_WIDTH, CHART_WIDTH / days));
        Scale scale = new Scale(from, dayWidth);

        List<Band> weekends = new ArrayList<>();
        List<GridLine> weeks = new ArrayList<>();
        for (LocalDate monday = from; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            weeks.add(new GridLine(scale.x(monday), monday));
            weekends.add(new Band(scale.x(monday.plusDays(5)), 2 * dayWidth));
        }
        List<MonthMark> months = months(from, to, scale);

        List<Group> groups = new ArrayList<>();
        int y = HEADER_HEIGHT;
        for (MilestoneView milestone : plan.milestones()) {
            int groupY = y;
            y += MILESTONE_HEIGHT;
            List<Row> rows = new ArrayList<>();
            LocalDate spanStart = null;
            LocalDate spanEnd = null;
            for (StepView step : milestone.steps()) {
                LocalDate end = end(step, zone);
                LocalDate start = start(step, end);
                spanStart = spanStart == null || start.isBefore(spanStart) ? start : spanStart;
                spanEnd = spanEnd == null || end.isAfter(spanEnd) ? end : spanEnd;
                Integer baselineX = step.status().finished() || !step.slipped() ? null
                        : scale.x(step.baselineDate()) + dayWidth / 2;
                rows.add(new Row(step.id(), shorten(step.title()), step.title(), y, scale.band(start, end), start, end,
                        step.status(), state(step), baselineX));
                y += ROW_HEIGHT;
            }
            Band span = spanStart == null ? null : scale.band(spanStart, spanEnd);
            groups.add(new Group(milestone.id(), shorten(milestone.title()), groupY, span, List.copyOf(rows)));
        }
        int height = y + BOTTOM_PADDING;
        Marker todayMarker = new Marker(scale.x(today) + dayWidth / 2, today);
        Marker close = plan.expectedClose() == null ? null
                : new Marker(scale.x(plan.expectedClose()) + dayWidth, plan.expectedClose());
        return new Timeline(LABEL_WIDTH + days * dayWidth + RIGHT_PADDING, height, HEADER_HEIGHT - 4, from, to,
                dayWidth, List.copyOf(weekends), List.copyOf(weeks), months, todayMarker, close, List.copyOf(groups));
    }

    /** How a bar is coloured; finished beats overdue, overdue beats the rest. */
    static String state(StepView step) {
        return switch (step.status()) {
            case DONE -> "done";
            case SKIPPED -> "skipped";
            default -> step.overdue() ? "overdue" : switch (step.status()) {
                case BLOCKED -> "blocked";
                case IN_PROGRESS -> "in-progress";
                default -> "not-started";
            };
        };
    }

    /** A done step ends when it was completed; any other on its target. */
    private static LocalDate end(StepView step, ZoneId zone) {
        if (step.status() == StepStatus.DONE && step.completedAt() != null) {
            return LocalDate.ofInstant(step.completedAt(), zone);
        }
        return step.targetDate();
    }

    private static LocalDate start(StepView step, LocalDate end) {
        LocalDate start = step.start() == null ? end : step.start();
        return start.isAfter(end) ? end : start;
    }

    private static List<MonthMark> months(LocalDate from, LocalDate to, Scale scale) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate first = from.withDayOfMonth(1).plusMonths(1); !first.isAfter(to); first = first.plusMonths(1)) {
            starts.add(first);
        }
        List<MonthMark> marks = new ArrayList<>();
        // The month the chart opens in is named at the left edge when its name fits before the next month begins.
        int nextX = starts.isEmpty() ? Integer.MAX_VALUE : scale.x(starts.get(0));
        marks.add(new MonthMark(scale.x(from), from, nextX - scale.x(from) >= MONTH_LABEL_ROOM));
        for (int i = 0; i < starts.size(); i++) {
            LocalDate first = starts.get(i);
            int x = scale.x(first);
            int following = i + 1 < starts.size() ? scale.x(starts.get(i + 1)) : scale.x(to.plusDays(1));
            marks.add(new MonthMark(x, first, following - x >= MONTH_LABEL_ROOM));
        }
        return List.copyOf(marks);
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1).stripTrailing() + "…";
    }

    private record Scale(LocalDate from, int dayWidth) {

        int x(LocalDate date) {
            return LABEL_WIDTH + Math.toIntExact(ChronoUnit.DAYS.between(from, date)) * dayWidth;
        }

        /** From the start of {@code start} to the end of {@code end}: a one-day step is one day wide. */
        Band band(LocalDate start, LocalDate end) {
            return new Band(x(start), Math.max(dayWidth, x(end) - x(start) + dayWidth));
        }
    }
}
