package io.mutua.collaboration;

import io.mutua.plans.CascadePreview;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SectionView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.Side;
import io.mutua.web.FormErrors;
import io.mutua.web.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A mutual action plan as a buyer sees it: only the shared part, the people of both sides without engagement, and
 * what the buyer is editing. {@code comments} and {@code attachments} are null when only the plan body is shown.
 */
public record BuyerPlanPage(PlanView plan, ParticipantView me, List<StakeholderView> stakeholders,
        Map<SectionKey, String> sectionHtml, Map<UUID, String> descriptions, List<OwnerOption> people, Edits edits,
        CommentsPanel comments, AttachmentsPanel attachments) {

    public static final String BODY_ID = "plan-body";
    public static final String STEP_PREFIX = "step-";
    public static final String SECTION_PREFIX = "section-";

    /** Someone who may own a step, as a select option; {@code side} is "SELLER" or "BUYER". */
    public record OwnerOption(String value, String name, String side, UUID userId) {

        OwnerOption as(String newValue) {
            return new OwnerOption(newValue, name, side, userId);
        }
    }

    /**
     * One step shown as its edit form ({@code errors} and, after a conflict, the {@code saved} values) or as the
     * {@code preview} of what confirming the edit moves.
     */
    public record StepPanel(UUID stepId, BuyerStepForm form, FormErrors errors, StepView saved,
            CascadePreview preview) {

        public boolean previewing() {
            return preview != null;
        }
    }

    /** One section shown as its edit form; after a conflict {@code saved} is the text saved meanwhile. */
    public record SectionPanel(SectionKey key, SectionForm form, FormErrors errors, SectionView saved) {
    }

    /** What the page leaves open because the buyer is working on it or it was refused. */
    public record Edits(FormErrors errors, StepPanel step, BuyerNewStepForm newStep, FormErrors newStepErrors,
            BuyerMilestoneForm milestone, FormErrors milestoneErrors, SectionPanel section) {

        static final Edits NONE = new Edits(FormErrors.none(), null, null, FormErrors.none(), null, FormErrors.none(),
                null);

        static Edits errors(FormErrors errors) {
            return new Edits(errors, null, null, FormErrors.none(), null, FormErrors.none(), null);
        }

        static Edits step(StepPanel panel) {
            return new Edits(FormErrors.none(), panel, null, FormErrors.none(), null, FormErrors.none(), null);
        }

        static Edits newStep(BuyerNewStepForm form, FormErrors errors) {
            return new Edits(FormErrors.none(), null, form, errors, null, FormErrors.none(), null);
        }

        static Edits milestone(BuyerMilestoneForm form, FormErrors errors) {
            return new Edits(FormErrors.none(), null, null, FormErrors.none(), form, errors, null);
        }

        static Edits section(SectionPanel panel) {
            return new Edits(FormErrors.none(), null, null, FormErrors.none(), null, FormErrors.none(), panel);
        }
    }

    static String path(UUID planId) {
        return Paths.BUYER + "/plans/" + planId;
    }

    static String slug(SectionKey key) {
        return key.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String basePath() {
        return path(plan.id());
    }

    public String bodyId() {
        return BODY_ID;
    }

    public String bodyTarget() {
        return "#" + BODY_ID;
    }

    public String stepDomId(UUID stepId) {
        return STEP_PREFIX + stepId;
    }

    public String stepTarget(UUID stepId) {
        return "#" + stepDomId(stepId);
    }

    public String stepPath(UUID stepId) {
        return basePath() + "/steps/" + stepId;
    }

    /** Buyers change a plan until its deal closes. */
    public boolean canChange() {
        return plan.status() != PlanStatus.CLOSED;
    }

    /** The buyer's main contact co-owns the plan with the account executive and writes its sections. */
    public boolean canWriteSections() {
        return canChange() && me.mainContact();
    }

    public StepPanel panelFor(UUID stepId) {
        return edits.step() != null && edits.step().stepId().equals(stepId) ? edits.step() : null;
    }

    public String description(UUID stepId) {
        return descriptions.getOrDefault(stepId, "");
    }

    // --- sections -------------------------------------------------------------------------------------------

    public String sectionHtml(SectionKey key) {
        return sectionHtml.getOrDefault(key, "");
    }

    public String sectionDomId(SectionKey key) {
        return SECTION_PREFIX + slug(key);
    }

    public String sectionTarget(SectionKey key) {
        return "#" + sectionDomId(key);
    }

    public String sectionPath(SectionKey key) {
        return basePath() + "/sections/" + slug(key);
    }

    public SectionPanel sectionPanelFor(SectionKey key) {
        return edits.section() != null && edits.section().key() == key ? edits.section() : null;
    }

    // --- people ---------------------------------------------------------------------------------------------

    public List<StakeholderView> mainContacts() {
        return stakeholders.stream().filter(StakeholderView::mainContact).toList();
    }

    /** The people who may own the step on one side, plus whoever owns it already (who may have left since). */
    public List<OwnerOption> peopleFor(StepView step, String side) {
        Set<String> owning = step.owners().stream().map(BuyerStepForm::value).collect(Collectors.toSet());
        List<OwnerOption> options = new ArrayList<>();
        for (OwnerOption person : people) {
            String asUser = BuyerStepForm.USER + person.userId();
            options.add(person.userId() != null && owning.contains(asUser) ? person.as(asUser) : person);
        }
        for (OwnerView owner : step.owners()) {
            String value = BuyerStepForm.value(owner);
            if (owner.person() && options.stream().noneMatch(option -> option.value().equals(value))) {
                options.add(new OwnerOption(value, owner.name() == null ? "?" : owner.name(),
                        owner.side() == null ? "SELLER" : owner.side(), owner.userId()));
            }
        }
        return options.stream().filter(option -> option.side().equals(side)).toList();
    }

    public List<OwnerOption> people(String side) {
        return people.stream().filter(option -> option.side().equals(side)).toList();
    }

    public List<OwnerRole> roles(Side side) {
        return Arrays.stream(OwnerRole.values()).filter(role -> role.side() == side).toList();
    }

    public String roleValue(OwnerRole role) {
        return BuyerStepForm.ROLE + role.name();
    }

    public List<StepStatus> statuses() {
        return List.of(StepStatus.values());
    }

    public List<SectionKey> sectionKeys() {
        return List.of(SectionKey.values());
    }

    public SectionView section(SectionKey key) {
        return plan.sections().stream().filter(section -> section.key() == key).findFirst()
                .orElse(new SectionView(key, "", null, 0));
    }

    // --- adding ---------------------------------------------------------------------------------------------

    public boolean addingTo(UUID milestoneId) {
        return edits.newStep() != null && milestoneId.equals(edits.newStep().milestoneId());
    }

    public BuyerNewStepForm newStep(UUID milestoneId) {
        return addingTo(milestoneId) ? edits.newStep() : BuyerNewStepForm.blank(milestoneId, me.id());
    }

    public FormErrors newStepErrors(UUID milestoneId) {
        return addingTo(milestoneId) ? edits.newStepErrors() : FormErrors.none();
    }

    public boolean addingMilestone() {
        return edits.milestone() != null;
    }

    public String milestoneTitle() {
        return edits.milestone() == null ? "" : edits.milestone().title();
    }

    public String addStepId(MilestoneView milestone) {
        return "add-step-" + milestone.id();
    }
}
