package io.mutua.integration;

import io.mutua.collaboration.Participants;
import io.mutua.identity.Viewer;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.NewStep;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a plan spreadsheet (the layout of the exports) into an existing plan, all or nothing, in one transaction.
 * Every row is checked before anything changes; if any row is wrong, nothing is imported and every problem is
 * listed. Otherwise a row whose milestone and step title (any case) match a step of the plan updates it — target
 * date, status, owners, notes and, when the sheet has the column, visibility — and any other row adds a step;
 * milestones the plan does not have yet are created. Changes go through {@link PlanService} like anyone's edits, so
 * they are in the activity log and reach live viewers, but without the slip cascade: the sheet states every date,
 * and moving other steps would contradict it.
 */
@Service
class SpreadsheetImport {

    static final String FILE = "file";
    /** The duration of an imported step, which the sheet does not have; the same default as "Add step". */
    static final int DEFAULT_DAYS = 3;

    private final PlanService plans;
    private final Participants participants;

    SpreadsheetImport(PlanService plans, Participants participants) {
        this.plans = plans;
        this.participants = participants;
    }

    /** A checked row and the step it updates, or null when it adds one. */
    private record Planned(SheetEntry entry, StepView existing) {
    }

    /** The plan, if the viewer may import into it: not found, forbidden or closed otherwise. */
    @Transactional(readOnly = true)
    PlanView importable(Viewer viewer, UUID planId) {
        PlanView plan = plans.get(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            if (plan.status() == PlanStatus.CLOSED) {
                throw new ConflictException("plans.closed");
            }
            throw new ForbiddenException("plans.mayNotChange");
        }
        return plan;
    }

    @Transactional
    ImportSummary importInto(Viewer viewer, UUID planId, byte[] content, String fileName) {
        PlanView plan = importable(viewer, planId);
        RawSheet sheet = SheetFormat.read(content, fileName);
        PlanPeople people = PlanPeople.of(participants.list(viewer, planId), plans.possibleOwners(viewer));
        SheetEntries.Checked checked = SheetEntries.check(sheet, people);
        List<RowProblem> problems = new ArrayList<>(checked.problems());
        List<Planned> planned = match(plan, checked.entries(), problems);
        if (!problems.isEmpty()) {
            throw SheetRejectedException.of(problems);
        }
        return apply(viewer, plan, checked.entries(), planned);
    }

    /**
     * Pairs rows with the plan's steps by milestone and title; when a title repeats within a milestone, the n-th such
     * row updates the n-th such step. Also checks what depends on the pairing: an existing step keeps its side, a
     * new one needs a side.
     */
    private static List<Planned> match(PlanView plan, List<SheetEntry> entries, List<RowProblem> problems) {
        Map<String, Deque<StepView>> steps = new HashMap<>();
        for (MilestoneView milestone : plan.milestones()) {
            for (StepView step : milestone.steps()) {
                steps.computeIfAbsent(key(milestone.title(), step.title()), k -> new ArrayDeque<>()).addLast(step);
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (SheetEntry entry : entries) {
            if (entry.milestoneOnly()) {
                continue;
            }
            Deque<StepView> same = steps.get(key(entry.milestone(), entry.step()));
            StepView existing = same == null ? null : same.pollFirst();
            if (existing == null && entry.side() == null) {
                problems.add(new RowProblem(entry.row(), SheetColumn.SIDE, "spreadsheet.sideRequired"));
            }
            if (existing != null && entry.side() != null && entry.side() != existing.side()) {
                problems.add(new RowProblem(entry.row(), SheetColumn.SIDE, "spreadsheet.sideFixed",
                        existing.side().name()));
            }
            if (existing != null && existing.side() == Side.BUYER && entry.visibility() == Visibility.INTERNAL) {
                problems.add(new RowProblem(entry.row(), SheetColumn.VISIBILITY, "spreadsheet.buyerStepsShared"));
            }
            planned.add(new Planned(entry, existing));
        }
        return planned;
    }

    private ImportSummary apply(Viewer viewer, PlanView plan, List<SheetEntry> entries, List<Planned> planned) {
        Map<String, UUID> milestones = new HashMap<>();
        plan.milestones().forEach(milestone -> milestones.putIfAbsent(key(milestone.title()), milestone.id()));
        int created = 0;
        for (SheetEntry entry : entries) {
            if (!milestones.containsKey(key(entry.milestone()))) {
                MilestoneView milestone = guarded(entry, () -> plans.addMilestone(viewer, plan.id(), entry.milestone()));
                milestones.put(key(entry.milestone()), milestone.id());
                created++;
            }
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Planned row : planned) {
            SheetEntry entry = row.entry();
            if (row.existing() == null) {
                guarded(entry, () -> add(viewer, plan, milestones.get(key(entry.milestone())), entry));
                added++;
                continue;
            }
            StepUpdate update = changes(row.existing(), entry);
            if (update == null) {
                unchanged++;
                continue;
            }
            guarded(entry, () -> plans.updateStep(viewer, plan.id(), row.existing().id(), row.existing().version(),
                    update, false));
            updated++;
        }
        return new ImportSummary(added, updated, unchanged, created);
    }

    private StepView add(Viewer viewer, PlanView plan, UUID milestoneId, SheetEntry entry) {
        Visibility visibility = entry.visibility() != null ? entry.visibility()
                : plan.mutual() || entry.side() == Side.BUYER ? Visibility.SHARED : Visibility.INTERNAL;
        StepView step = plans.addStep(viewer, plan.id(), new NewStep(milestoneId, entry.step(),
                entry.notes().isBlank() ? null : entry.notes(), entry.side(), visibility, DEFAULT_DAYS,
                entry.targetDate(), List.of(), entry.owners()));
        if (entry.status() != null && entry.status() != StepStatus.NOT_STARTED) {
            return plans.updateStep(viewer, plan.id(), step.id(), step.version(), StepUpdate.status(entry.status()),
                    false).step();
        }
        return step;
    }

    /** What a row changes in an existing step, or null when it changes nothing. */
    private static StepUpdate changes(StepView step, SheetEntry entry) {
        String notes = entry.notes().equals(Objects.toString(step.description(), "").replace("\r\n", "\n"))
                ? null : entry.notes();
        StepStatus status = entry.status() == null || entry.status() == step.status() ? null : entry.status();
        LocalDate target = entry.targetDate() == null || entry.targetDate().equals(step.targetDate()) ? null
                : entry.targetDate();
        List<OwnerRef> owners = entry.owners() == null || entry.ownerKeys().equals(ownerKeys(step.owners())) ? null
                : entry.owners();
        Visibility visibility = entry.visibility() == null || entry.visibility() == step.visibility() ? null
                : entry.visibility();
        if (notes == null && status == null && target == null && owners == null && visibility == null) {
            return null;
        }
        return new StepUpdate(null, notes, status, target, owners, null, visibility);
    }

    /** Who owns a step, compared by person (email) and role, however each is referenced. */
    private static Set<String> ownerKeys(List<OwnerView> owners) {
        return owners.stream().map(owner -> owner.person()
                ? PlanPeople.personKey(owner.email(), owner.userId() != null ? owner.userId() : owner.participantId())
                : PlanPeople.roleKey(owner.role()))
                .collect(Collectors.toSet());
    }

    /**
     * Runs one change of the import. A refusal that the row checks did not foresee names the row; a step someone
     * changed meanwhile stops the import. Either way the transaction rolls back and nothing is imported.
     */
    private static <T> T guarded(SheetEntry entry, Supplier<T> change) {
        try {
            return change.get();
        } catch (StaleVersionException e) {
            throw new ConflictException("spreadsheet.changedMeanwhile");
        } catch (InvalidInputException e) {
            throw SheetRejectedException.of(List.of(new RowProblem(entry.row(), column(e.field()), e.messageKey(),
                    e.args())));
        }
    }

    private static SheetColumn column(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "title" -> SheetColumn.STEP;
            case "description" -> SheetColumn.NOTES;
            case "owners" -> SheetColumn.OWNERS;
            case "targetDate" -> SheetColumn.TARGET_DATE;
            case "side" -> SheetColumn.SIDE;
            case "visibility" -> SheetColumn.VISIBILITY;
            case "milestoneId" -> SheetColumn.MILESTONE;
            default -> null;
        };
    }

    private static String key(String milestone, String step) {
        return key(milestone) + "\u0000" + key(step);
    }

    private static String key(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
