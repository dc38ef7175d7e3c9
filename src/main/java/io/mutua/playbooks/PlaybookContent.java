package io.mutua.playbooks;

import io.mutua.web.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The milestones and steps of one playbook version. Immutable: every edit returns new content, which
 * {@link #validate(Set)} checks before it is stored.
 */
public record PlaybookContent(List<MilestoneTemplate> milestones) {

    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,59}");
    public static final int MAX_TITLE = 120;
    public static final int MAX_MILESTONE_TITLE = 200;
    public static final int MAX_GUIDANCE = 10_000;
    public static final int MAX_DAYS = 250;

    public PlaybookContent {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    public static PlaybookContent empty() {
        return new PlaybookContent(List.of());
    }

    /** Every step, in order. */
    public List<StepTemplate> steps() {
        return milestones.stream().flatMap(milestone -> milestone.steps().stream()).toList();
    }

    /**
     * Checks every rule a playbook must follow; the first broken one is reported with the field it concerns.
     *
     * @param stages the keys of the pipeline stages a step may belong to
     */
    public PlaybookContent validate(Set<String> stages) {
        Set<String> earlier = new HashSet<>();
        for (int m = 0; m < milestones.size(); m++) {
            MilestoneTemplate milestone = milestones.get(m);
            String where = "milestones[" + m + "]";
            requireText(where + ".title", milestone.title(), MAX_MILESTONE_TITLE);
            for (int s = 0; s < milestone.steps().size(); s++) {
                StepTemplate step = milestone.steps().get(s);
                String at = where + ".steps[" + s + "]";
                if (step.key() == null || !KEY.matcher(step.key()).matches()) {
                    throw new InvalidInputException(at + ".key", "playbooks.badKey");
                }
                if (earlier.contains(step.key())) {
                    throw new InvalidInputException(at + ".key", "playbooks.duplicateKey", step.key());
                }
                requireText(at + ".title", step.title(), MAX_TITLE);
                if (step.guidance().length() > MAX_GUIDANCE) {
                    throw new InvalidInputException(at + ".guidance", "validation.maxLength", MAX_GUIDANCE);
                }
                if (step.guidance().indexOf('\u0000') >= 0) {
                    throw new InvalidInputException(at + ".guidance", "validation.text");
                }
                if (step.side() == null) {
                    throw new InvalidInputException(at + ".side", "validation.required");
                }
                if (step.ownerRole() == null) {
                    throw new InvalidInputException(at + ".ownerRole", "validation.required");
                }
                if (step.ownerRole().side() != step.side()) {
                    throw new InvalidInputException(at + ".ownerRole", "playbooks.roleOtherSide");
                }
                if (step.visibility() == null) {
                    throw new InvalidInputException(at + ".visibility", "validation.required");
                }
                if (step.side() == Side.BUYER && step.visibility() == Visibility.INTERNAL) {
                    throw new InvalidInputException(at + ".visibility", "playbooks.buyerStepsShared");
                }
                if (step.stage() == null || !stages.contains(step.stage())) {
                    throw new InvalidInputException(at + ".stage", "playbooks.unknownStage");
                }
                if (step.defaultDays() < 1 || step.defaultDays() > MAX_DAYS) {
                    throw new InvalidInputException(at + ".defaultDays", "playbooks.days", MAX_DAYS);
                }
                Set<String> seen = new HashSet<>();
                for (String dependency : step.dependsOn()) {
                    if (!earlier.contains(dependency) || !seen.add(dependency)) {
                        throw new InvalidInputException(at + ".dependsOn", "playbooks.badDependency", dependency);
                    }
                }
                earlier.add(step.key());
            }
        }
        return this;
    }

    public PlaybookContent addMilestone(String title) {
        List<MilestoneTemplate> copy = new ArrayList<>(milestones);
        copy.add(new MilestoneTemplate(title == null ? null : title.trim(), List.of()));
        return new PlaybookContent(copy);
    }

    public PlaybookContent renameMilestone(int index, String title) {
        return withMilestone(index, milestone -> new MilestoneTemplate(title == null ? null : title.trim(),
                milestone.steps()));
    }

    /** Moves a milestone one place up ({@code -1}) or down ({@code +1}); a move that breaks a dependency fails. */
    public PlaybookContent moveMilestone(int index, int direction) {
        checkMilestone(index);
        int to = index + Integer.signum(direction);
        if (to < 0 || to >= milestones.size()) {
            return this;
        }
        List<MilestoneTemplate> copy = new ArrayList<>(milestones);
        copy.add(to, copy.remove(index));
        return new PlaybookContent(copy);
    }

    /** Removes a milestone with its steps; other steps stop depending on them. */
    public PlaybookContent removeMilestone(int index) {
        checkMilestone(index);
        PlaybookContent result = this;
        for (StepTemplate step : milestones.get(index).steps()) {
            result = result.removeStep(step.key());
        }
        List<MilestoneTemplate> copy = new ArrayList<>(result.milestones);
        copy.remove(index);
        return new PlaybookContent(copy);
    }

    /** Appends a step to a milestone; a key that another step has is refused right here, at the new step. */
    public PlaybookContent addStep(int milestoneIndex, StepTemplate step) {
        checkMilestone(milestoneIndex);
        if (step.key() != null && steps().stream().anyMatch(existing -> existing.key().equals(step.key()))) {
            throw new InvalidInputException("milestones[" + milestoneIndex + "].steps["
                    + milestones.get(milestoneIndex).steps().size() + "].key", "playbooks.duplicateKey", step.key());
        }
        return withMilestone(milestoneIndex, milestone -> {
            List<StepTemplate> steps = new ArrayList<>(milestone.steps());
            steps.add(step);
            return new MilestoneTemplate(milestone.title(), steps);
        });
    }

    /** Replaces the step with the same key; the key itself never changes. */
    public PlaybookContent replaceStep(StepTemplate step) {
        boolean found = steps().stream().anyMatch(existing -> existing.key().equals(step.key()));
        if (!found) {
            throw new InvalidInputException("key", "playbooks.stepNotFound", step.key());
        }
        return mapSteps(existing -> existing.key().equals(step.key()) ? step : existing);
    }

    /** Removes a step; steps that depended on it no longer do. */
    public PlaybookContent removeStep(String key) {
        List<MilestoneTemplate> copy = new ArrayList<>();
        for (MilestoneTemplate milestone : milestones) {
            copy.add(new MilestoneTemplate(milestone.title(), milestone.steps().stream()
                    .filter(step -> !step.key().equals(key))
                    .map(step -> step.withoutDependency(key))
                    .toList()));
        }
        return new PlaybookContent(copy);
    }

    /** Moves a step one place up or down within its milestone. */
    public PlaybookContent moveStep(String key, int direction) {
        List<MilestoneTemplate> copy = new ArrayList<>();
        for (MilestoneTemplate milestone : milestones) {
            List<StepTemplate> steps = new ArrayList<>(milestone.steps());
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).key().equals(key)) {
                    int to = i + Integer.signum(direction);
                    if (to >= 0 && to < steps.size()) {
                        steps.add(to, steps.remove(i));
                    }
                    break;
                }
            }
            copy.add(new MilestoneTemplate(milestone.title(), steps));
        }
        return new PlaybookContent(copy);
    }

    private PlaybookContent mapSteps(UnaryOperator<StepTemplate> change) {
        return new PlaybookContent(milestones.stream()
                .map(milestone -> new MilestoneTemplate(milestone.title(),
                        milestone.steps().stream().map(change).toList()))
                .toList());
    }

    private PlaybookContent withMilestone(int index, UnaryOperator<MilestoneTemplate> change) {
        checkMilestone(index);
        List<MilestoneTemplate> copy = new ArrayList<>(milestones);
        copy.set(index, change.apply(copy.get(index)));
        return new PlaybookContent(copy);
    }

    private void checkMilestone(int index) {
        if (index < 0 || index >= milestones.size()) {
            throw new InvalidInputException("milestone", "playbooks.milestoneNotFound");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "validation.maxLength", max);
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "validation.text");
        }
    }
}
