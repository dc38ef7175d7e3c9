package io.mutua.playbooks;

import io.mutua.deals.StageView;
import io.mutua.web.FormErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the content editor of one playbook shows: its milestones and steps, and at most one form that comes back
 * with what was typed into it and what was wrong with it.
 *
 * @param problem a failure that belongs to no single field, in the reader's language
 * @param edit the step being edited in place, if any
 * @param add the add-step form that stays open, if any
 * @param milestoneInput a milestone title that was refused, if any
 */
public record PlaybookEditor(PlaybookView playbook, List<StageView> stages, String problem, StepEdit edit,
        StepAdd add, MilestoneInput milestoneInput) {

    /** Where the editor lives in the page; htmx swaps it as a whole after changes that move things around. */
    public static final String ID = "playbook-content";

    /** A step edited in place; {@code saved} holds its current values when someone else changed the playbook. */
    public record StepEdit(String key, StepForm form, FormErrors errors, String problem, StepTemplate saved) {
    }

    /** The add-step form of one milestone. */
    public record StepAdd(int milestone, StepForm form, FormErrors errors, String problem) {
    }

    /** A milestone title as typed; {@code index} is -1 for a new milestone. */
    public record MilestoneInput(int index, String title, String error) {
    }

    static PlaybookEditor of(PlaybookView playbook, List<StageView> stages) {
        return new PlaybookEditor(playbook, stages, null, null, null, null);
    }

    PlaybookEditor withProblem(String message) {
        return new PlaybookEditor(playbook, stages, message, edit, add, milestoneInput);
    }

    PlaybookEditor withEdit(StepEdit stepEdit) {
        return new PlaybookEditor(playbook, stages, problem, stepEdit, add, milestoneInput);
    }

    PlaybookEditor withAdd(StepAdd stepAdd) {
        return new PlaybookEditor(playbook, stages, problem, edit, stepAdd, milestoneInput);
    }

    PlaybookEditor withMilestoneInput(MilestoneInput input) {
        return new PlaybookEditor(playbook, stages, problem, edit, add, input);
    }

    public UUID id() {
        return playbook.id();
    }

    /** The playbook version this editor was rendered with; every change sends it back. */
    public long version() {
        return playbook.version();
    }

    /** The address of the playbook's page; the editor's actions live below it. */
    public String base() {
        return PlaybookAdminController.PATH + "/" + playbook.id();
    }

    public List<MilestoneTemplate> milestones() {
        return playbook.content().milestones();
    }

    public boolean editing(String key) {
        return edit != null && edit.key().equals(key);
    }

    public StepTemplate step(String key) {
        return playbook.content().steps().stream().filter(step -> step.key().equals(key)).findFirst().orElse(null);
    }

    public int milestoneOf(String key) {
        for (int m = 0; m < milestones().size(); m++) {
            if (milestones().get(m).steps().stream().anyMatch(step -> step.key().equals(key))) {
                return m;
            }
        }
        return -1;
    }

    public boolean firstInMilestone(String key) {
        int m = milestoneOf(key);
        return m < 0 || milestones().get(m).steps().get(0).key().equals(key);
    }

    public boolean lastInMilestone(String key) {
        int m = milestoneOf(key);
        List<StepTemplate> steps = m < 0 ? List.of() : milestones().get(m).steps();
        return steps.isEmpty() || steps.get(steps.size() - 1).key().equals(key);
    }

    /** The steps before this one, which it may depend on. */
    public List<StepTemplate> earlierThan(String key) {
        List<StepTemplate> earlier = new ArrayList<>();
        for (StepTemplate step : playbook.content().steps()) {
            if (step.key().equals(key)) {
                break;
            }
            earlier.add(step);
        }
        return earlier;
    }

    /** The steps up to the end of milestone {@code m}, which a step added there may depend on. */
    public List<StepTemplate> through(int m) {
        return milestones().stream().limit(m + 1L).flatMap(milestone -> milestone.steps().stream()).toList();
    }

    public boolean addOpen(int m) {
        return add != null && add.milestone() == m;
    }

    public StepForm addForm(int m) {
        if (addOpen(m)) {
            return add.form();
        }
        List<StepTemplate> steps = milestones().get(m).steps();
        String stage = !steps.isEmpty() ? steps.get(steps.size() - 1).stage()
                : stages.isEmpty() ? "" : stages.get(0).key();
        return StepForm.blank(stage, version());
    }

    public FormErrors addErrors(int m) {
        return addOpen(m) ? add.errors() : FormErrors.none();
    }

    public String addProblem(int m) {
        return addOpen(m) ? add.problem() : null;
    }

    /** A key for a new step called {@code title}, unique in this playbook; empty without a title. */
    public String suggestKey(String title) {
        return StepKeys.suggest(title, keys());
    }

    Set<String> keys() {
        return playbook.content().steps().stream().map(StepTemplate::key).collect(Collectors.toSet());
    }

    public String milestoneTitle(int m) {
        return milestoneInput != null && milestoneInput.index() == m ? milestoneInput.title()
                : milestones().get(m).title();
    }

    public String milestoneError(int m) {
        return milestoneInput != null && milestoneInput.index() == m ? milestoneInput.error() : null;
    }

    public String newMilestoneTitle() {
        return milestoneInput != null && milestoneInput.index() < 0 ? milestoneInput.title() : "";
    }

    public String newMilestoneError() {
        return milestoneInput != null && milestoneInput.index() < 0 ? milestoneInput.error() : null;
    }

    /** The name of a stage; the key itself when the stage no longer exists. */
    public String stageName(String key) {
        return stages.stream().filter(stage -> stage.key().equals(key)).map(StageView::name).findFirst()
                .orElse(key);
    }

    public List<OwnerRole> roles(Side side) {
        return Arrays.stream(OwnerRole.values()).filter(role -> role.side() == side).toList();
    }
}
