package io.mutua.plans;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import io.mutua.playbooks.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a plan's shared content: key dates, sections (line by line), milestones, and
 * steps — matched by their id — added, removed, renamed, described anew, moved to another date, milestone or place,
 * given other owners or another status. Progress may be missing for the newer side when it is not a revision.
 */
public record RevisionDiff(List<DateChange> keyDates, List<SectionChange> sections,
        List<MilestoneChange> milestones, List<StepDiff> steps) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    public enum KeyDate {
        TARGET_SIGNATURE, TARGET_GO_LIVE
    }

    public enum LineKind {
        SAME, ADDED, REMOVED
    }

    public record DateChange(KeyDate which, LocalDate before, LocalDate after) {
    }

    public record Line(LineKind kind, String text) {
    }

    public record SectionChange(SectionKey key, String before, String after, List<Line> lines) {
    }

    /** A milestone added, removed, renamed ({@code before} → {@code after}) or moved in the order. */
    public record MilestoneChange(Kind kind, String before, String after, boolean reordered) {
    }

    /**
     * One step that differs. For an added or removed step, {@code title}, {@code milestone}, {@code side},
     * {@code owners}, {@code targetDate} and {@code status} describe it. For a changed one those are its values now,
     * and each "before" field is set only when that aspect changed: {@code titleBefore}, {@code description} (a
     * line diff), {@code dateBefore}, {@code ownersBefore}, {@code statusBefore}, {@code milestoneBefore},
     * {@code sideBefore}; {@code reordered} says it moved among its milestone's steps.
     */
    public record StepDiff(UUID id, Kind kind, String title, String milestone, Side side,
            List<SharedContent.Owner> owners, LocalDate targetDate, Progress.StepProgress status, String titleBefore,
            List<Line> description, LocalDate dateBefore, List<SharedContent.Owner> ownersBefore,
            Progress.StepProgress statusBefore, String milestoneBefore, Side sideBefore, boolean reordered) {

        public boolean moved() {
            return dateBefore != null;
        }

        public boolean ownersChanged() {
            return ownersBefore != null;
        }

        public boolean statusChanged() {
            return statusBefore != null;
        }
    }

    public boolean empty() {
        return keyDates.isEmpty() && sections.isEmpty() && milestones.isEmpty() && steps.isEmpty();
    }

    /** Steps whose date moved, for a short summary. */
    public List<StepDiff> datesMoved() {
        return steps.stream().filter(step -> step.kind() == Kind.CHANGED && step.moved()).toList();
    }

    /**
     * The differences from {@code before} to {@code after}; {@code afterProgress} may be null, and then status is not
     * compared.
     */
    static RevisionDiff between(SharedContent before, Progress beforeProgress, SharedContent after,
            Progress afterProgress) {
        List<DateChange> dates = new ArrayList<>();
        if (!Objects.equals(before.targetSignature(), after.targetSignature())) {
            dates.add(new DateChange(KeyDate.TARGET_SIGNATURE, before.targetSignature(), after.targetSignature()));
        }
        if (!Objects.equals(before.targetGoLive(), after.targetGoLive())) {
            dates.add(new DateChange(KeyDate.TARGET_GO_LIVE, before.targetGoLive(), after.targetGoLive()));
        }
        List<SectionChange> sections = Arrays.stream(SectionKey.values())
                .filter(key -> !before.sections().get(key).equals(after.sections().get(key)))
                .map(key -> new SectionChange(key, before.sections().get(key), after.sections().get(key),
                        lines(before.sections().get(key), after.sections().get(key))))
                .toList();
        return new RevisionDiff(List.copyOf(dates), sections, milestones(before, after),
                steps(before, beforeProgress, after, afterProgress));
    }

    private static List<MilestoneChange> milestones(SharedContent before, SharedContent after) {
        Map<UUID, SharedContent.Milestone> old = byId(before.milestones(), SharedContent.Milestone::id);
        Map<UUID, SharedContent.Milestone> now = byId(after.milestones(), SharedContent.Milestone::id);
        Set<UUID> reordered = reordered(before.milestones().stream().map(SharedContent.Milestone::id).toList(),
                after.milestones().stream().map(SharedContent.Milestone::id).toList());
        List<MilestoneChange> changes = new ArrayList<>();
        for (SharedContent.Milestone milestone : after.milestones()) {
            SharedContent.Milestone was = old.get(milestone.id());
            if (was == null) {
                changes.add(new MilestoneChange(Kind.ADDED, null, milestone.title(), false));
            } else if (!was.title().equals(milestone.title()) || reordered.contains(milestone.id())) {
                changes.add(new MilestoneChange(Kind.CHANGED, was.title(), milestone.title(),
                        reordered.contains(milestone.id())));
            }
        }
        before.milestones().stream().filter(milestone -> !now.containsKey(milestone.id()))
                .forEach(milestone -> changes.add(new MilestoneChange(Kind.REMOVED, milestone.title(), null, false)));
        return List.copyOf(changes);
    }

    private static List<StepDiff> steps(SharedContent before, Progress beforeProgress, SharedContent after,
            Progress afterProgress) {
        Map<UUID, SharedContent.Placed> old = byId(before.steps(), placed -> placed.step().id());
        Map<UUID, SharedContent.Placed> now = byId(after.steps(), placed -> placed.step().id());
        Set<UUID> reordered = new HashSet<>();
        for (SharedContent.Milestone milestone : after.milestones()) {
            List<UUID> was = before.steps().stream()
                    .filter(placed -> placed.milestone().id().equals(milestone.id()))
                    .map(placed -> placed.step().id()).filter(now::containsKey).toList();
            List<UUID> is = milestone.steps().stream().map(SharedContent.Step::id)
                    .filter(id -> was.contains(id)).toList();
            reordered.addAll(reordered(was, is));
        }
        List<StepDiff> diffs = new ArrayList<>();
        for (SharedContent.Placed placed : after.steps()) {
            SharedContent.Step step = placed.step();
            Progress.StepProgress status = afterProgress == null ? null : afterProgress.of(step.id()).orElse(null);
            SharedContent.Placed wasPlaced = old.get(step.id());
            if (wasPlaced == null) {
                diffs.add(new StepDiff(step.id(), Kind.ADDED, step.title(), placed.milestone().title(), step.side(),
                        step.owners(), step.targetDate(), status, null, null, null, null, null, null, null, false));
                continue;
            }
            SharedContent.Step was = wasPlaced.step();
            Progress.StepProgress statusWas = beforeProgress.of(step.id()).orElse(null);
            boolean statusChanged = afterProgress != null && statusWas != null && status != null
                    && !statusWas.status().equals(status.status());
            boolean otherMilestone = !wasPlaced.milestone().id().equals(placed.milestone().id());
            StepDiff diff = new StepDiff(step.id(), Kind.CHANGED, step.title(), placed.milestone().title(),
                    step.side(), step.owners(), step.targetDate(), status,
                    was.title().equals(step.title()) ? null : was.title(),
                    was.description().equals(step.description()) ? null : lines(was.description(), step.description()),
                    Objects.equals(was.targetDate(), step.targetDate()) ? null : was.targetDate(),
                    was.owners().equals(step.owners()) ? null : was.owners(),
                    statusChanged ? statusWas : null,
                    otherMilestone ? wasPlaced.milestone().title() : null,
                    was.side() == step.side() ? null : was.side(),
                    reordered.contains(step.id()));
            if (diff.titleBefore() != null || diff.description() != null || diff.dateBefore() != null
                    || diff.ownersBefore() != null || diff.statusBefore() != null || diff.milestoneBefore() != null
                    || diff.sideBefore() != null || diff.reordered()) {
                diffs.add(diff);
            }
        }
        for (SharedContent.Placed placed : before.steps()) {
            if (!now.containsKey(placed.step().id())) {
                SharedContent.Step step = placed.step();
                diffs.add(new StepDiff(step.id(), Kind.REMOVED, step.title(), placed.milestone().title(), step.side(),
                        step.owners(), step.targetDate(), beforeProgress.of(step.id()).orElse(null), null, null, null,
                        null, null, null, null, false));
            }
        }
        return List.copyOf(diffs);
    }

    /** The ids that left their place in the order: those outside the longest common subsequence of both orders. */
    private static Set<UUID> reordered(List<UUID> before, List<UUID> after) {
        List<UUID> common = before.stream().filter(after::contains).toList();
        List<UUID> now = after.stream().filter(before::contains).toList();
        Set<UUID> moved = new HashSet<>();
        for (AbstractDelta<UUID> delta : DiffUtils.diff(common, now).getDeltas()) {
            moved.addAll(delta.getTarget().getLines());
        }
        return moved;
    }

    /** A line diff of two texts: unchanged, removed and added lines in reading order. */
    static List<Line> lines(String before, String after) {
        List<String> old = split(before);
        List<String> now = split(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Line> lines = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            while (next < at) {
                lines.add(new Line(LineKind.SAME, old.get(next++)));
            }
            delta.getSource().getLines().forEach(line -> lines.add(new Line(LineKind.REMOVED, line)));
            delta.getTarget().getLines().forEach(line -> lines.add(new Line(LineKind.ADDED, line)));
            next = at + delta.getSource().size();
        }
        while (next < old.size()) {
            lines.add(new Line(LineKind.SAME, old.get(next++)));
        }
        return List.copyOf(lines);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R", -1));
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
