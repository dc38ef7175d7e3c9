package io.mutua.plans;

import io.mutua.identity.Viewer;
import io.mutua.web.ConflictException;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
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
 * Sharing a closing plan with the buyer, and the seller's side of the mutual action plan it becomes: conversion
 * (with a manager's override), the plan's details and its buyer-facing sections. htmx gets the panel back in
 * place; browsers without it are sent back to the plan, or shown the panel on a page of its own when a change
 * was refused.
 */
@Controller
public class MutualPlanController {

    static final String PLAN = PlanController.PLAN;
    static final String PANEL = PLAN + "/mutual";
    static final String CONVERT = PLAN + "/convert";
    static final String DETAILS = PLAN + "/details";
    static final String SECTION = PLAN + "/sections/{section}";

    private final PlanService plans;
    private final MutualPanels panels;
    private final MessageSource messages;

    MutualPlanController(PlanService plans, MutualPanels panels, MessageSource messages) {
        this.plans = plans;
        this.panels = panels;
        this.messages = messages;
    }

    /** The panel alone, on a page of its own, for browsers without htmx whose change was refused. */
    public record MutualPage(MutualPanel panel) {
    }

    @GetMapping(PANEL)
    String panel(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = plans.get(viewer, planId);
        if (!Htmx.isHtmx(request)) {
            return redirectToPlan(plan);
        }
        return render(viewer, plan, MutualEdit.NONE, true, model);
    }

    /**
     * Makes the closing plan mutual. Without a reason this needs the required qualification; with one (a manager's
     * override, {@code override} set by its form) the reason is required and recorded.
     */
    @PostMapping(CONVERT)
    String convert(Viewer viewer, @PathVariable UUID planId, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String overrideReason, @RequestParam(required = false) String override,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView plan = changeable(viewer, planId);
        String reason = overrideReason == null ? "" : overrideReason;
        try {
            if (override != null && reason.isBlank()) {
                throw new InvalidInputException("overrideReason", "validation.required");
            }
            plans.convert(viewer, planId, override == null ? null : reason, version == null ? -1 : version);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(viewer, plans.get(viewer, planId),
                    MutualEdit.conversion(reason, FormErrors.none().with(e, messages, locale)), Htmx.isHtmx(request),
                    model);
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(viewer, plans.get(viewer, planId), MutualEdit.notice(notice(e, locale)),
                    Htmx.isHtmx(request), model);
        }
        // Everything on the page changes with the plan's kind, so the whole page loads again.
        return redirectToPlan(plan);
    }

    @PostMapping(DETAILS)
    String details(Viewer viewer, @PathVariable UUID planId, @Valid @ModelAttribute("details") DetailsForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PlanView plan = changeable(viewer, planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                plans.describe(viewer, planId, form.toDetails(), form.version());
                return afterChange(viewer, planId, request, model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (StaleVersionException e) {
                PlanView saved = plans.get(viewer, planId);
                response.setStatus(HttpStatus.CONFLICT.value());
                FormErrors stale = FormErrors.none().with(new ConflictException("map.details.stale"), messages,
                        locale);
                return render(viewer, saved, MutualEdit.details(form.withVersion(saved.version()), stale, saved),
                        Htmx.isHtmx(request), model);
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(viewer, plan, MutualEdit.details(form, errors, null), Htmx.isHtmx(request), model);
    }

    @PostMapping(SECTION)
    String section(Viewer viewer, @PathVariable UUID planId, @PathVariable String section,
            @Valid @ModelAttribute("section") SectionForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        SectionKey key = sectionKey(section);
        changeable(viewer, planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                plans.writeSection(viewer, planId, key, form.content(), form.version());
                return afterChange(viewer, planId, request, model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (StaleVersionException e) {
                PlanView current = plans.get(viewer, planId);
                SectionView saved = current.sections().stream().filter(s -> s.key() == key).findFirst()
                        .orElseThrow();
                response.setStatus(HttpStatus.CONFLICT.value());
                return render(viewer, current, MutualEdit.section(key, form.withVersion(saved.version()),
                        FormErrors.none().with(e, messages, locale), saved.content()), Htmx.isHtmx(request), model);
            } catch (InvalidInputException e) {
                errors = errors.with(e, messages, locale);
            } catch (DomainException e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return render(viewer, plans.get(viewer, planId), MutualEdit.notice(notice(e, locale)),
                        Htmx.isHtmx(request), model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(viewer, plans.get(viewer, planId), MutualEdit.section(key, form, errors, null),
                Htmx.isHtmx(request), model);
    }

    private String afterChange(Viewer viewer, UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = plans.get(viewer, planId);
        if (Htmx.isHtmx(request)) {
            return render(viewer, plan, MutualEdit.NONE, true, model);
        }
        return redirectToPlan(plan);
    }

    private String render(Viewer viewer, PlanView plan, MutualEdit edit, boolean fragment, Model model) {
        MutualPanel panel = panels.panel(viewer, plan, plans.canChange(viewer, plan), edit);
        if (panel == null) {
            throw new ConflictException("plans.closed");
        }
        if (fragment) {
            model.addAttribute("panel", panel);
            return "plans/mutual";
        }
        model.addAttribute("page", new MutualPage(panel));
        return "plans/mutual-page";
    }

    private PlanView changeable(Viewer viewer, UUID planId) {
        PlanView plan = plans.get(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        return plan;
    }

    /** A refusal shown at the top of the panel, even when it names a field that is not on screen. */
    private FormErrors notice(DomainException e, Locale locale) {
        return FormErrors.none().with(new ConflictException(e.messageKey(), e.args()), messages, locale);
    }

    private static SectionKey sectionKey(String key) {
        return Arrays.stream(SectionKey.values()).filter(value -> value.name().equalsIgnoreCase(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("plans.sectionNotFound"));
    }

    private static String redirectToPlan(PlanView plan) {
        return "redirect:/deals/" + plan.dealId() + "/plan#" + MutualPanel.PANEL_ID;
    }
}
