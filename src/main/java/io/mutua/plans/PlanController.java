package io.mutua.plans;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ConflictException;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Markdown;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The closing plan page of a deal: the plan as a simple project plan with inline edits (htmx), the slip cascade
 * preview, the timeline and the activity log. Every change answers htmx with the refreshed plan body (or with the
 * step's own row when it needs the user again: a preview, an error, a conflict) and plain browsers with a redirect.
 */
@Controller
public class PlanController {

    static final String DEAL_PLAN = "/deals/{dealId}/plan";
    static final String PLAN = "/plans/{planId}";
    static final String STEP = PLAN + "/steps/{stepId}";
    static final String MILESTONE = PLAN + "/milestones/{milestoneId}";
    static final String BODY_ID = "plan-body";
    static final String STEP_ID_PREFIX = "step-";
    static final String UP = "up";

    private final PlanService plans;
    private final DealService deals;
    private final Holidays holidays;
    private final Markdown markdown;
    private final MutualPanels mutualPanels;
    private final ParticipantDirectory participants;
    private final MessageSource messages;
    private final Clock clock;

    PlanController(PlanService plans, DealService deals, Holidays holidays, Markdown markdown,
            MutualPanels mutualPanels, ParticipantDirectory participants, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.deals = deals;
        this.holidays = holidays;
        this.markdown = markdown;
        this.mutualPanels = mutualPanels;
        this.participants = participants;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The plan page. {@code plan} is null while the deal has none; {@code panel} is the one step shown as a form or
     * a cascade preview; {@code addStep} and {@code milestone} keep a refused form open with what was typed;
     * {@code mutual} is the panel about sharing the plan with the buyer (null when there is none).
     */
    public record PlanPage(UUID viewerId, DealView deal, PlanView plan, boolean canChange, boolean canGenerate,
            LocalDate today,
            Timeline timeline, List<ActivityView> activity, List<OwnerOption> people, Map<UUID, String> descriptions,
            Map<UUID, Integer> slips, FormErrors errors, StepPanel panel, NewStepForm addStep, FormErrors addStepErrors,
            MilestoneForm milestone, FormErrors milestoneErrors, MutualPanel mutual) {

        public String planPath() {
            return "/deals/" + deal.id() + "/plan";
        }

        public String basePath() {
            return "/plans/" + plan.id();
        }

        public String stepPath(UUID stepId) {
            return basePath() + "/steps/" + stepId;
        }

        public String milestonePath(UUID milestoneId) {
            return basePath() + "/milestones/" + milestoneId;
        }

        public String bodyId() {
            return BODY_ID;
        }

        public String bodyTarget() {
            return "#" + BODY_ID;
        }

        public String stepDomId(UUID stepId) {
            return STEP_ID_PREFIX + stepId;
        }

        public String stepTarget(UUID stepId) {
            return "#" + stepDomId(stepId);
        }

        public StepPanel panelFor(UUID stepId) {
            return panel != null && panel.stepId().equals(stepId) ? panel : null;
        }

        public String description(UUID stepId) {
            return descriptions.getOrDefault(stepId, "");
        }

        /** Business days the target lies after (positive) or before (negative) the baseline. */
        public int slip(UUID stepId) {
            return slips.getOrDefault(stepId, 0);
        }

        public boolean addingTo(UUID milestoneId) {
            return addStep != null && milestoneId.equals(addStep.milestoneId());
        }

        public boolean renaming(UUID milestoneId) {
            return milestone != null && milestoneId.equals(milestone.milestoneId());
        }

        public boolean addingMilestone() {
            return milestone != null && milestone.milestoneId() == null;
        }

        /** The people who may own a step, plus those who already own it (who may have left the team since). */
        public List<OwnerOption> peopleFor(StepView step) {
            List<OwnerOption> options = new ArrayList<>(people);
            for (OwnerView owner : step.owners()) {
                String value = StepForm.value(owner);
                if (owner.person() && options.stream().noneMatch(option -> option.value().equals(value))) {
                    options.add(new OwnerOption(value, owner.name() == null ? owner.email() : owner.name(),
                            "BUYER".equals(owner.side())));
                }
            }
            return options;
        }

        public List<OwnerRole> roles(Side side) {
            return Arrays.stream(OwnerRole.values()).filter(role -> role.side() == side).toList();
        }

        public String roleValue(OwnerRole role) {
            return StepForm.ROLE + role.name();
        }

        public List<Side> sides() {
            return List.of(Side.values());
        }

        public List<Visibility> visibilities() {
            return List.of(Visibility.values());
        }

        public List<StepStatus> statuses() {
            return List.of(StepStatus.values());
        }

        public boolean first(MilestoneView milestone) {
            return plan.milestones().indexOf(milestone) == 0;
        }

        public boolean last(MilestoneView milestone) {
            return plan.milestones().indexOf(milestone) == plan.milestones().size() - 1;
        }

        public boolean first(StepView step) {
            return !plan.steps().isEmpty() && plan.steps().get(0).id().equals(step.id());
        }

        public boolean last(StepView step) {
            List<StepView> all = plan.steps();
            return !all.isEmpty() && all.get(all.size() - 1).id().equals(step.id());
        }

        public String milestoneTitle(UUID milestoneId) {
            return plan.milestones().stream().filter(m -> m.id().equals(milestoneId)).map(MilestoneView::title)
                    .findFirst().orElse("");
        }

        public NewStepForm newStep(UUID milestoneId) {
            return addingTo(milestoneId) ? addStep : NewStepForm.blank(milestoneId, viewerId);
        }

        public FormErrors newStepErrors(UUID milestoneId) {
            return addingTo(milestoneId) ? addStepErrors : FormErrors.none();
        }

        public String planEndClass() {
            return plan.feasible() ? "feasible" : "infeasible";
        }

        public String overdueClass() {
            return plan.overdueSteps() > 0 ? "flag infeasible" : null;
        }
    }

    /** A person who may own a step, as a select option. */
    public record OwnerOption(String value, String name, boolean buyer) {
    }

    /**
     * One step that is not shown as a plain row: its edit form ({@code errors} and, after a conflict, the
     * {@code saved} values) or the {@code preview} of what confirming the edit moves.
     */
    public record StepPanel(UUID stepId, StepForm form, FormErrors errors, StepView saved, CascadePreview preview) {

        public boolean previewing() {
            return preview != null;
        }
    }

    /** What a change leaves open on the page when it is refused. */
    record Edits(FormErrors errors, StepPanel panel, NewStepForm addStep, FormErrors addStepErrors,
            MilestoneForm milestone, FormErrors milestoneErrors) {

        static final Edits NONE = new Edits(FormErrors.none(), null, null, FormErrors.none(), null,
                FormErrors.none());

        static Edits errors(FormErrors errors) {
            return new Edits(errors, null, null, FormErrors.none(), null, FormErrors.none());
        }

        static Edits panel(StepPanel panel) {
            return new Edits(FormErrors.none(), panel, null, FormErrors.none(), null, FormErrors.none());
        }

        static Edits addStep(NewStepForm form, FormErrors errors) {
            return new Edits(FormErrors.none(), null, form, errors, null, FormErrors.none());
        }

        static Edits milestone(MilestoneForm form, FormErrors errors) {
            return new Edits(FormErrors.none(), null, null, FormErrors.none(), form, errors);
        }
    }

    // --- the page ----------------------------------------------------------------------------------------------

    @GetMapping(DEAL_PLAN)
    String show(Viewer viewer, @PathVariable UUID dealId, HttpServletRequest request, Model model) {
        DealView deal = deals.get(viewer, new DealId(dealId));
        PlanView plan = plans.findForDeal(viewer, deal.id()).orElse(null);
        return render(viewer, deal, plan, Edits.NONE, Htmx.isHtmx(request), model);
    }

    /** Any plan of a deal by its id, such as the onboarding plan that follows the won deal's sales plan. */
    @GetMapping(PLAN)
    String showPlan(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = plans.get(viewer, planId);
        DealView deal = deals.get(viewer, plan.dealId());
        return render(viewer, deal, plan, Edits.NONE, Htmx.isHtmx(request), model);
    }

    @PostMapping(DEAL_PLAN)
    String generate(Viewer viewer, @PathVariable UUID dealId, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        DealId id = new DealId(dealId);
        try {
            plans.generate(viewer, id);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            DealView deal = deals.get(viewer, id);
            return render(viewer, deal, plans.findForDeal(viewer, id).orElse(null), Edits.errors(notice(e, locale)),
                    Htmx.isHtmx(request), model);
        }
        if (Htmx.isHtmx(request)) {
            DealView deal = deals.get(viewer, id);
            return render(viewer, deal, plans.findForDeal(viewer, id).orElseThrow(), Edits.NONE, true, model);
        }
        return "redirect:/deals/" + dealId + "/plan";
    }

    @PostMapping(PLAN + "/regenerate")
    String regenerate(Viewer viewer, @PathVariable UUID planId, @RequestParam(required = false) Long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> plans.regenerate(viewer, planId, read(version)), atTop(locale), locale,
                request, response, model);
    }

    // --- steps -------------------------------------------------------------------------------------------------

    @GetMapping(STEP)
    String step(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId, HttpServletRequest request,
            Model model) {
        PlanView plan = plans.get(viewer, planId);
        stepOf(plan, stepId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:/deals/" + plan.dealId() + "/plan#" + STEP_ID_PREFIX + stepId;
        }
        return renderStep(viewer, plan, stepId, Edits.NONE, model);
    }

    @GetMapping(STEP + "/edit")
    String edit(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId, HttpServletRequest request,
            Model model) {
        PlanView plan = plans.get(viewer, planId);
        requireChangeable(viewer, plan);
        StepView step = stepOf(plan, stepId);
        Edits edits = Edits.panel(new StepPanel(stepId, StepForm.from(step), FormErrors.none(), null, null));
        return Htmx.isHtmx(request) ? renderStep(viewer, plan, stepId, edits, model)
                : render(viewer, plan, edits, false, model);
    }

    /** Saves the step's edit form; a change that moves other steps is first shown as a preview to confirm. */
    @PostMapping(STEP)
    String update(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @Valid @ModelAttribute("form") StepForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView plan = plans.get(viewer, planId);
        requireChangeable(viewer, plan);
        StepView step = stepOf(plan, stepId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return stepPanel(viewer, plan, new StepPanel(stepId, form, errors, null, null), request, response, model);
        }
        return save(viewer, plan, step, form, locale, request, response, model);
    }

    /** The status select, which saves on change. */
    @PostMapping(STEP + "/status")
    String status(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @RequestParam(required = false) StepStatus status, @RequestParam(required = false) Long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView plan = plans.get(viewer, planId);
        requireChangeable(viewer, plan);
        StepView step = stepOf(plan, stepId);
        if (status == null) {
            throw new InvalidInputException("status", "validation.required");
        }
        return save(viewer, plan, step, StepForm.from(step).withStatus(status, read(version)), locale, request,
                response, model);
    }

    @PostMapping(PLAN + "/steps")
    String addStep(Viewer viewer, @PathVariable UUID planId, @Valid @ModelAttribute("newStep") NewStepForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            PlanView plan = plans.get(viewer, planId);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(viewer, plan, Edits.addStep(form, errors), Htmx.isHtmx(request), model);
        }
        return change(viewer, planId, () -> plans.addStep(viewer, planId, form.toNewStep()),
                e -> Edits.addStep(form, errors(e, locale)), locale, request, response, model);
    }

    @PostMapping(STEP + "/delete")
    String deleteStep(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @RequestParam(required = false) Long version, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> plans.deleteStep(viewer, planId, stepId, read(version)), atTop(locale),
                locale, request, response, model);
    }

    @PostMapping(STEP + "/move")
    String moveStep(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @RequestParam(required = false) String direction, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> plans.moveStep(viewer, planId, stepId, direction(direction)),
                atTop(locale), locale, request, response, model);
    }

    // --- milestones --------------------------------------------------------------------------------------------

    @PostMapping(PLAN + "/milestones")
    String addMilestone(Viewer viewer, @PathVariable UUID planId,
            @Valid @ModelAttribute("milestone") MilestoneForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        MilestoneForm adding = new MilestoneForm(null, form.title(), null);
        return milestoneChange(viewer, planId, adding, result, () -> plans.addMilestone(viewer, planId, form.title()),
                locale, request, response, model);
    }

    @PostMapping(MILESTONE + "/rename")
    String renameMilestone(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @Valid @ModelAttribute("milestone") MilestoneForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        MilestoneForm renaming = new MilestoneForm(milestoneId, form.title(), form.version());
        return milestoneChange(viewer, planId, renaming, result,
                () -> plans.renameMilestone(viewer, planId, milestoneId, form.title(), form.expectedVersion()), locale,
                request, response, model);
    }

    @PostMapping(MILESTONE + "/move")
    String moveMilestone(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestParam(required = false) String direction, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> plans.moveMilestone(viewer, planId, milestoneId, direction(direction)),
                atTop(locale), locale, request, response, model);
    }

    @PostMapping(MILESTONE + "/delete")
    String deleteMilestone(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID milestoneId,
            @RequestParam(required = false) Long version, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> plans.deleteMilestone(viewer, planId, milestoneId, read(version)),
                atTop(locale), locale, request, response, model);
    }

    // --- how changes are answered ------------------------------------------------------------------------------

    private String save(Viewer viewer, PlanView plan, StepView step, StepForm form, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.version() != step.version()) {
            return stale(viewer, plan, step, form, locale, request, response, model);
        }
        try {
            StepUpdate update = form.changesTo(step);
            if (!form.confirm()) {
                CascadePreview preview = plans.preview(viewer, plan.id(), step.id(), update);
                if (preview.movesOthers()) {
                    return stepPanel(viewer, plan, new StepPanel(step.id(), form, FormErrors.none(), null, preview),
                            request, response, model);
                }
            }
            if (!unchanged(update)) {
                plans.updateStep(viewer, plan.id(), step.id(), form.version(), update, true);
            }
        } catch (StaleVersionException e) {
            return stale(viewer, plan, step, form, locale, request, response, model);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return stepPanel(viewer, plan, new StepPanel(step.id(), form, errors(e, locale), null, null), request,
                    response, model);
        }
        return afterChange(viewer, plan.id(), plan.dealId(), request, model);
    }

    /** Someone changed the step since the form was read: keep what was typed, show what is saved now. */
    private String stale(Viewer viewer, PlanView plan, StepView step, StepForm form, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView current = plans.get(viewer, plan.id());
        StepView saved = stepOf(current, step.id());
        FormErrors errors = FormErrors.none().with(new StaleVersionException("plans.staleStep", saved.version()),
                messages, locale);
        response.setStatus(HttpStatus.CONFLICT.value());
        return stepPanel(viewer, current, new StepPanel(step.id(), form.withVersion(saved.version()), errors, saved,
                null), request, response, model);
    }

    private String milestoneChange(Viewer viewer, UUID planId, MilestoneForm form, BindingResult result,
            Runnable action, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(viewer, plans.get(viewer, planId), Edits.milestone(form, errors), Htmx.isHtmx(request),
                    model);
        }
        return change(viewer, planId, action, e -> Edits.milestone(form, errors(e, locale)), locale, request, response,
                model);
    }

    /**
     * Runs a change. A refusal the user can act on (bad input, a conflict, a stale version) shows the plan again
     * with the message where {@code onFailure} puts it; not found and forbidden go to the error page.
     */
    private String change(Viewer viewer, UUID planId, Runnable action, Function<DomainException, Edits> onFailure,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return render(viewer, plans.get(viewer, planId), onFailure.apply(e),
                    Htmx.isHtmx(request), model);
        }
        return afterChange(viewer, planId, null, request, model);
    }

    private String afterChange(Viewer viewer, UUID planId, DealId dealId, HttpServletRequest request, Model model) {
        if (Htmx.isHtmx(request)) {
            return render(viewer, plans.get(viewer, planId), Edits.NONE, true, model);
        }
        DealId deal = dealId != null ? dealId : plans.get(viewer, planId).dealId();
        return "redirect:/deals/" + deal + "/plan";
    }

    /** A step shown as a form or preview: htmx gets only that step, in place of its row; browsers the page. */
    private String stepPanel(Viewer viewer, PlanView plan, StepPanel panel, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Retarget", "#" + STEP_ID_PREFIX + panel.stepId());
            response.setHeader("HX-Reswap", "outerHTML");
            return renderStep(viewer, plan, panel.stepId(), Edits.panel(panel), model);
        }
        return render(viewer, plan, Edits.panel(panel), false, model);
    }

    private String renderStep(Viewer viewer, PlanView plan, UUID stepId, Edits edits, Model model) {
        PlanPage page = page(viewer, deals.get(viewer, plan.dealId()), plan, edits);
        model.addAttribute("page", page);
        model.addAttribute("step", stepOf(plan, stepId));
        return "plans/step";
    }

    private String render(Viewer viewer, PlanView plan, Edits edits, boolean fragment, Model model) {
        return render(viewer, deals.get(viewer, plan.dealId()), plan, edits, fragment, model);
    }

    private String render(Viewer viewer, DealView deal, PlanView plan, Edits edits, boolean fragment, Model model) {
        model.addAttribute("page", page(viewer, deal, plan, edits));
        return fragment ? "plans/plan-body" : "plans/plan";
    }

    private PlanPage page(Viewer viewer, DealView deal, PlanView plan, Edits edits) {
        LocalDate today = LocalDate.now(clock);
        boolean canGenerate = plan == null && deal.open() && deals.canChange(viewer, deal);
        if (plan == null) {
            return new PlanPage(viewer.userId(), deal, null, false, canGenerate, today, null, List.of(), List.of(),
                    Map.of(), Map.of(), edits.errors(), null, null, FormErrors.none(), null, FormErrors.none(), null);
        }
        boolean canChange = plans.canChange(viewer, plan);
        List<OwnerOption> people = canChange ? possibleOwners(viewer, plan) : List.of();
        Map<UUID, String> descriptions = new HashMap<>();
        Map<UUID, Integer> slips = new HashMap<>();
        BusinessCalendar calendar = holidays.calendar();
        for (StepView step : plan.steps()) {
            if (step.description() != null && !step.description().isBlank()) {
                descriptions.put(step.id(), markdown.toHtml(step.description()));
            }
            if (step.baselineDate() != null && !step.baselineDate().equals(step.targetDate())) {
                slips.put(step.id(), calendar.businessDaysBetween(step.baselineDate(), step.targetDate()));
            }
        }
        List<ActivityView> activity = plans.activity(viewer, plan.id());
        return new PlanPage(viewer.userId(), deal, plan, canChange, false, today,
                Timeline.of(plan, today, clock.getZone()), activity, people, descriptions, slips, edits.errors(),
                edits.panel(), edits.addStep(), edits.addStepErrors(), edits.milestone(), edits.milestoneErrors(),
                mutualPanels.panel(viewer, plan, canChange, MutualEdit.NONE));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void requireChangeable(Viewer viewer, PlanView plan) {
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
    }

    private static StepView stepOf(PlanView plan, UUID stepId) {
        return plan.steps().stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
    }

    private static boolean unchanged(StepUpdate update) {
        return update.title() == null && update.description() == null && update.status() == null
                && update.targetDate() == null && update.owners() == null && update.pinned() == null
                && update.visibility() == null;
    }

    /** The version a form was read at; a form without one is treated as out of date. */
    private static long read(Long version) {
        return version == null ? -1 : version;
    }

    private static int direction(String direction) {
        return UP.equals(direction) ? -1 : 1;
    }

    private FormErrors errors(DomainException e, Locale locale) {
        return FormErrors.none().with(e, messages, locale);
    }

    private Function<DomainException, Edits> atTop(Locale locale) {
        return e -> Edits.errors(notice(e, locale));
    }

    /** A refusal shown at the top of the plan, even when it names a field that is not on screen. */
    private FormErrors notice(DomainException e, Locale locale) {
        return FormErrors.none().with(new ConflictException(e.messageKey(), e.args()), messages, locale);
    }

    /** Sellers who may own steps and, on a mutual plan, the buyer's people taking part in it. */
    private List<OwnerOption> possibleOwners(Viewer viewer, PlanView plan) {
        List<OwnerOption> options = new ArrayList<>();
        plans.possibleOwners(viewer).forEach(user -> options.add(
                new OwnerOption(StepForm.USER + user.id(), user.name(), false)));
        if (plan.mutual()) {
            participants.onPlan(plan.id()).stream()
                    .filter(participant -> "BUYER".equals(participant.side()) && !"REVOKED".equals(participant.status()))
                    .forEach(participant -> options.add(new OwnerOption(StepForm.PARTICIPANT + participant.id(),
                            participant.name(), true)));
        }
        return options;
    }
}
