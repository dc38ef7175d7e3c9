package io.mutua.integration;

import io.mutua.plans.OwnerRef;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks every row of a sheet on its own — required cells, dates, status, side, visibility, owners, lengths — and
 * reports every problem of every row, so that people can fix the whole sheet at once. Nothing here touches the plan.
 */
final class SheetEntries {

    static final int MAX_ROWS = 500;
    /** The limits {@code PlanService} enforces, checked here first so that every row is reported, not the first. */
    static final int MAX_TITLE = 200;
    static final int MAX_NOTES = 10_000;
    static final int MAX_OWNERS = 10;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<SheetColumn> STEP_CELLS = List.of(SheetColumn.SIDE, SheetColumn.OWNERS,
            SheetColumn.TARGET_DATE, SheetColumn.BASELINE_DATE, SheetColumn.STATUS, SheetColumn.COMPLETED_ON,
            SheetColumn.NOTES, SheetColumn.VISIBILITY);

    record Checked(List<SheetEntry> entries, List<RowProblem> problems) {
    }

    private SheetEntries() {
    }

    static Checked check(RawSheet sheet, PlanPeople people) {
        Map<SheetColumn, Integer> columns = sheet.columns();
        List<RawSheet.Line> lines = sheet.lines().stream().filter(line -> !line.blank()).toList();
        if (lines.isEmpty()) {
            throw new UnreadableSheetException("spreadsheet.noRows");
        }
        if (lines.size() > MAX_ROWS) {
            throw new UnreadableSheetException("spreadsheet.tooManyRows", MAX_ROWS);
        }
        List<SheetEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (RawSheet.Line line : lines) {
            new RowCheck(line, columns, people, problems).entry().ifPresent(entries::add);
        }
        return new Checked(entries, problems);
    }

    /** The checks of one row; problems are added to the shared list. */
    private static final class RowCheck {

        private final RawSheet.Line line;
        private final Map<SheetColumn, Integer> columns;
        private final PlanPeople people;
        private final List<RowProblem> problems;
        private final int before;

        RowCheck(RawSheet.Line line, Map<SheetColumn, Integer> columns, PlanPeople people,
                List<RowProblem> problems) {
            this.line = line;
            this.columns = columns;
            this.people = people;
            this.problems = problems;
            this.before = problems.size();
        }

        Optional<SheetEntry> entry() {
            for (SheetColumn column : columns.keySet()) {
                if (cell(column).indexOf('\0') >= 0) {
                    problem(column, "spreadsheet.badCharacter");
                }
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            String milestone = text(SheetColumn.MILESTONE, true);
            String step = cell(SheetColumn.STEP);
            boolean milestoneOnly = step.isEmpty() && STEP_CELLS.stream().allMatch(column -> cell(column).isEmpty());
            if (!milestoneOnly) {
                step = text(SheetColumn.STEP, true);
            }
            Side side = choice(SheetColumn.SIDE, Side.class, "spreadsheet.badSide");
            Map<String, OwnerRef> owners = owners();
            LocalDate target = date(SheetColumn.TARGET_DATE);
            date(SheetColumn.BASELINE_DATE);
            date(SheetColumn.COMPLETED_ON);
            StepStatus status = choice(SheetColumn.STATUS, StepStatus.class, "spreadsheet.badStatus");
            String notes = cell(SheetColumn.NOTES).replace("\r\n", "\n");
            if (notes.length() > MAX_NOTES) {
                problem(SheetColumn.NOTES, "spreadsheet.tooLong", MAX_NOTES);
            }
            Visibility visibility = choice(SheetColumn.VISIBILITY, Visibility.class, "spreadsheet.badVisibility");
            if (side == Side.BUYER && visibility == Visibility.INTERNAL) {
                problem(SheetColumn.VISIBILITY, "spreadsheet.buyerStepsShared");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new SheetEntry(line.number(), milestone, milestoneOnly ? null : step, side,
                    owners == null ? null : List.copyOf(owners.values()), owners == null ? null : owners.keySet(),
                    target, status, notes, visibility));
        }

        private String cell(SheetColumn column) {
            Integer index = columns.get(column);
            return index == null ? "" : line.cell(index);
        }

        private String text(SheetColumn column, boolean required) {
            String value = cell(column);
            if (value.isEmpty() && required) {
                problem(column, "spreadsheet.required");
            } else if (value.length() > MAX_TITLE) {
                problem(column, "spreadsheet.tooLong", MAX_TITLE);
            }
            return value;
        }

        private <E extends Enum<E>> E choice(SheetColumn column, Class<E> type, String problemKey) {
            String value = cell(column);
            if (value.isEmpty()) {
                return null;
            }
            String name = value.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            problem(column, problemKey, value, Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }

        private LocalDate date(SheetColumn column) {
            String value = cell(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value, ISO_DATE);
                if (date.getYear() < 1900 || date.getYear() > 9999) {
                    problem(column, "spreadsheet.dateRange", value);
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                problem(column, "spreadsheet.badDate", value);
                return null;
            }
        }

        /** The owners by who they are, in the sheet's order; null for an empty cell. */
        private Map<String, OwnerRef> owners() {
            String value = cell(SheetColumn.OWNERS);
            if (value.isEmpty()) {
                return null;
            }
            Map<String, OwnerRef> owners = new LinkedHashMap<>();
            for (String written : value.split("[;\\n]")) {
                if (written.isBlank()) {
                    continue;
                }
                PlanPeople.Resolved resolved = people.resolve(written);
                if (resolved.ref() != null) {
                    owners.putIfAbsent(resolved.who(), resolved.ref());
                } else {
                    problem(SheetColumn.OWNERS, resolved.problemKey(), written.strip());
                }
            }
            if (owners.size() > MAX_OWNERS) {
                problem(SheetColumn.OWNERS, "spreadsheet.tooManyOwners", MAX_OWNERS);
            }
            return owners.isEmpty() ? null : Collections.unmodifiableMap(owners);
        }

        private void problem(SheetColumn column, String key, Object... args) {
            problems.add(new RowProblem(line.number(), column, key, args));
        }
    }
}
