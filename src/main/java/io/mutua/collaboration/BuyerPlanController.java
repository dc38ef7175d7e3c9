package io.mutua.collaboration;

import io.mutua.collaboration.BuyerPlanPage.Edits;
import io.mutua.collaboration.BuyerPlanPage.StepPanel;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.CascadePreview;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
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
 * A mutual action plan as its buyers work on it: the shared part only, in the plan's language. Buyers change the
 * status, date, title, description and owners of shared steps (seeing first what a date change moves), and add
 * steps and milestones. Every request starts with the buyer's access to the plan; htmx gets the plan body (or one
 * step, when it needs the buyer again), plain browsers a redirect. Stable fragments for live updates: the plan body
 * and each step.
 */
@Controller
public class BuyerPlanController {

    static final String PLAN = Paths.BUYER + "/plans/{planId}";
    static final String BODY = PLAN + "/body";
    static final String STEPS = PLAN + "/steps";
    static final String STEP = STEPS + "/{stepId}";
    static final String MILESTONES = PLAN + "/milestones";

    private final BuyerAccess access;
    private final BuyerPlans buyerPlans;
    private final BuyerPlanPages pages;
    private final PlanVisits visits;
    private final MessageSource messages;

    BuyerPlanController(BuyerAccess access, BuyerPlans buyerPlans, BuyerPlanPages pages, PlanVisits visits,
            MessageSource messages) {
        this.access = access;
        this.buyerPlans = buyerPlans;
        this.pages = pages;
        this.visits = visits;
        this.messages = messages;
    }

    // --- the page and its fragments ----------------------------------------------------------------------------

    @GetMapping(PLAN)
    String show(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        if (Htmx.isHtmx(request)) {
            return body(me, plan, Edits.NONE, model);
        }
        Optional<Instant> previous = visits.visitByParticipant(planId, me.id());
        model.addAttribute("changes", ChangesController.ChangesPanel.of(previous,
                previous.map(since -> buyerPlans.activity(planId, me.id(), since)).orElse(List.of())));
        return full(me, plan, Edits.NONE, model);
    }

    @GetMapping(BODY)
    String body(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + BuyerPlanPage.path(planId);
        }
        return body(me, plan, Edits.NONE, model);
    }

    @GetMapping(STEP)
    String step(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID stepId, HttpServletRequest request,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        stepOf(plan, stepId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + BuyerPlanPage.path(planId) + "#" + BuyerPlanPage.STEP_PREFIX + stepId;
        }
        return step(me, plan, stepId, Edits.NONE, model);
    }

    @GetMapping(STEP + "/edit")
    String edit(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID stepId, HttpServletRequest request,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        StepView step = stepOf(plan, stepId);
        Edits edits = Edits.step(new StepPanel(stepId, BuyerStepForm.from(step), FormErrors.none(), null, null));
        return Htmx.isHtmx(request) ? step(me, plan, stepId, edits, model) : full(me, plan, edits, model);
    }

    // --- changing steps ----------------------------------------------------------------------------------------

    /** Saves the step's edit form; a change that moves other steps is first shown as a preview to confirm. */
    @PostMapping(STEP)
    String update(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @Valid @ModelAttribute("form") BuyerStepForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        StepView step = stepOf(plan, stepId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return stepPanel(me, plan, new StepPanel(stepId, form, errors, null, null), request, response, model);
        }
        return save(me, plan, step, form, locale, request, response, model);
    }

    /** The status select, which saves on change. */
    @PostMapping(STEP + "/status")
    String status(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID stepId,
            @RequestParam(required = false) StepStatus status, @RequestParam(required = false) Long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        StepView step = stepOf(plan, stepId);
        if (status == null) {
            throw new InvalidInputException("status", "validation.required");
        }
        BuyerStepForm form = BuyerStepForm.from(step).withStatus(status, version == null ? -1 : version);
        return save(me, plan, step, form, locale, request, response, model);
    }

    @PostMapping(STEPS)
    String addStep(Buyer buyer, @PathVariable UUID planId, @Valid @ModelAttribute("step") BuyerNewStepForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(me, buyerPlans.view(planId), Edits.newStep(form, errors), request, model);
        }
        return change(me, planId, () -> buyerPlans.addStep(planId, me.id(), form.toNewStep()),
                e -> Edits.newStep(form, FormErrors.none().with(e, messages, locale)), request, response, model);
    }

    @PostMapping(MILESTONES)
    String addMilestone(Buyer buyer, @PathVariable UUID planId,
            @Valid @ModelAttribute("milestone") BuyerMilestoneForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(me, buyerPlans.view(planId), Edits.milestone(form, errors), request, model);
        }
        return change(me, planId, () -> buyerPlans.addMilestone(planId, me.id(), form.title()),
                e -> Edits.milestone(form, FormErrors.none().with(e, messages, locale)), request, response, model);
    }

    // --- how changes are answered ------------------------------------------------------------------------------

    private String save(ParticipantView me, PlanView plan, StepView step, BuyerStepForm form, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.readVersion() != step.version()) {
            return stale(me, plan, step, form, locale, request, response, model);
        }
        try {
            StepUpdate update = form.changesTo(step);
            if (!form.confirm()) {
                CascadePreview preview = buyerPlans.preview(plan.id(), me.id(), step.id(), update);
                if (preview.movesOthers()) {
                    return stepPanel(me, plan, new StepPanel(step.id(), form, FormErrors.none(), null, preview),
                            request, response, model);
                }
            }
            if (!unchanged(update)) {
                buyerPlans.updateStep(plan.id(), me.id(), step.id(), form.readVersion(), update, true);
            }
        } catch (StaleVersionException e) {
            return stale(me, plan, step, form, locale, request, response, model);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return stepPanel(me, plan, new StepPanel(step.id(), form, FormErrors.none().with(e, messages, locale),
                    null, null), request, response, model);
        }
        return afterChange(me, plan.id(), "#" + BuyerPlanPage.STEP_PREFIX + step.id(), request, model);
    }

    /** Someone changed the step since the form was read: keep what was typed, show what is saved now. */
    private String stale(ParticipantView me, PlanView plan, StepView step, BuyerStepForm form, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView current = buyerPlans.view(plan.id());
        StepView saved = stepOf(current, step.id());
        FormErrors errors = FormErrors.none().with(new StaleVersionException("plans.staleStep", saved.version()),
                messages, locale);
        response.setStatus(HttpStatus.CONFLICT.value());
        return stepPanel(me, current, new StepPanel(step.id(), form.withVersion(saved.version()), errors, saved, null),
                request, response, model);
    }

    /**
     * Runs an addition. A refusal the buyer can act on shows the plan again with the form open; not found and
     * forbidden go to the error page.
     */
    private String change(ParticipantView me, UUID planId, Runnable action, Function<DomainException, Edits> onFailure,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return render(me, buyerPlans.view(planId), onFailure.apply(e), request, model);
        }
        return afterChange(me, planId, "", request, model);
    }

    private String afterChange(ParticipantView me, UUID planId, String anchor, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            return body(me, buyerPlans.view(planId), Edits.NONE, model);
        }
        return "redirect:" + BuyerPlanPage.path(planId) + anchor;
    }

    /** A step shown as a form or preview: htmx gets only that step, in place of its row; browsers the page. */
    private String stepPanel(ParticipantView me, PlanView plan, StepPanel panel, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Retarget", "#" + BuyerPlanPage.STEP_PREFIX + panel.stepId());
            response.setHeader("HX-Reswap", "outerHTML");
            return step(me, plan, panel.stepId(), Edits.step(panel), model);
        }
        return full(me, plan, Edits.step(panel), model);
    }

    private String render(ParticipantView me, PlanView plan, Edits edits, HttpServletRequest request, Model model) {
        return Htmx.isHtmx(request) ? body(me, plan, edits, model) : full(me, plan, edits, model);
    }

    private String step(ParticipantView me, PlanView plan, UUID stepId, Edits edits, Model model) {
        model.addAttribute("page", pages.body(me, plan, edits));
        model.addAttribute("step", stepOf(plan, stepId));
        return "buyer/step";
    }

    private String body(ParticipantView me, PlanView plan, Edits edits, Model model) {
        model.addAttribute("page", pages.body(me, plan, edits));
        return "buyer/plan-body";
    }

    private String full(ParticipantView me, PlanView plan, Edits edits, Model model) {
        model.addAttribute("page", pages.full(me, plan, edits, null, null));
        return "buyer/plan";
    }

    static StepView stepOf(PlanView plan, UUID stepId) {
        return plan.steps().stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.stepNotFound"));
    }

    private static boolean unchanged(StepUpdate update) {
        return update.title() == null && update.description() == null && update.status() == null
                && update.targetDate() == null && update.owners() == null;
    }
}
