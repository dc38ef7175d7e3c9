package io.mutua.integration;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A plan as spreadsheet rows, in plan order (milestones, then their steps). A milestone without steps is a row with
 * only its title, so that importing the sheet brings the milestone along. {@code columns} is the header: the
 * layout, plus the visibility column in a seller's export with internal steps.
 */
record PlanSheet(String account, List<SheetColumn> columns, List<Row> rows) {

    static final String ROLE_PREFIX = "role:";
    static final String OWNER_SEPARATOR = "; ";

    /** One row; everything but the milestone is null on a milestone-only row. */
    record Row(String milestone, String step, Side side, String owners, LocalDate targetDate,
            LocalDate baselineDate, StepStatus status, LocalDate completedOn, String notes, Visibility visibility) {

        static Row milestoneOnly(String milestone) {
            return new Row(milestone, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Who the sheet is for, which decides what it holds. */
    enum Reader {
        /** The sales team, shared steps only: what the buyers see, with the owners' email addresses. */
        SELLER_SHARED,
        /** The sales team with internal steps, and the visibility column. */
        SELLER_INTERNAL,
        /**
         * A buyer: the plan as {@code BuyerPlans} gives it (shared only), owners by name as the buyer's page shows
         * them — buyers do not see other people's email addresses there, so their export does not either.
         */
        BUYER
    }

    static PlanSheet of(PlanView plan, String account, Reader reader, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        for (MilestoneView milestone : plan.milestones()) {
            List<StepView> steps = milestone.steps().stream()
                    .filter(step -> reader == Reader.SELLER_INTERNAL || step.visibility() == Visibility.SHARED)
                    .toList();
            if (steps.isEmpty() && !milestone.steps().isEmpty()) {
                continue; // a milestone of internal steps only does not exist for buyers
            }
            if (steps.isEmpty()) {
                rows.add(Row.milestoneOnly(milestone.title()));
            }
            for (StepView step : steps) {
                rows.add(new Row(milestone.title(), step.title(), step.side(),
                        owners(step.owners(), reader != Reader.BUYER), step.targetDate(), step.baselineDate(),
                        step.status(), step.completedAt() == null ? null : LocalDate.ofInstant(step.completedAt(), zone),
                        Objects.toString(step.description(), ""),
                        reader == Reader.SELLER_INTERNAL ? step.visibility() : null));
            }
        }
        return new PlanSheet(account, reader == Reader.SELLER_INTERNAL ? SheetColumn.WITH_VISIBILITY
                : SheetColumn.LAYOUT, rows);
    }

    /** People as "Name &lt;email&gt;" (or by name only, as buyers see them), role placeholders as "role:CHAMPION", joined by "; ". */
    static String owners(List<OwnerView> owners, boolean withEmail) {
        return owners.stream().map(owner -> {
            if (!owner.person()) {
                return ROLE_PREFIX + owner.role();
            }
            String name = owner.name() == null ? "" : owner.name();
            if (owner.email() == null) {
                return name;
            }
            if (!withEmail) {
                return name.isEmpty() ? owner.email() : name; // as the buyer's page shows an owner
            }
            return name.isEmpty() ? "<" + owner.email() + ">" : name + " <" + owner.email() + ">";
        }).filter(text -> !text.isEmpty()).collect(Collectors.joining(OWNER_SEPARATOR));
    }

    /** The text of one cell, as CSV writes it; dates in ISO form, empty for nothing. */
    static String text(Row row, SheetColumn column) {
        Object value = value(row, column);
        return value == null ? "" : value.toString();
    }

    /** The value of one cell: a String, a LocalDate, or null. */
    static Object value(Row row, SheetColumn column) {
        return switch (column) {
            case MILESTONE -> row.milestone();
            case STEP -> row.step();
            case SIDE -> row.side() == null ? null : row.side().name();
            case OWNERS -> row.owners();
            case TARGET_DATE -> row.targetDate();
            case BASELINE_DATE -> row.baselineDate();
            case STATUS -> row.status() == null ? null : row.status().name();
            case COMPLETED_ON -> row.completedOn();
            case NOTES -> row.notes();
            case VISIBILITY -> row.visibility() == null ? null : row.visibility().name();
        };
    }
}
