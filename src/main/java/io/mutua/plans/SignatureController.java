package io.mutua.plans;

import io.mutua.identity.Viewer;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashSet;
import java.util.List;
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
 * The seller's side of signing a mutual action plan: the signatures panel (loaded into the plan page, and a page of
 * its own without htmx), signing as the seller signer, choosing the signers, saving a revision, and comparing two
 * revisions. htmx gets the panel back in place; browsers a redirect to the plan, or the panel's page when a change
 * was refused.
 */
@Controller
public class SignatureController {

    static final String PLAN = PlanController.PLAN;
    static final String SIGNATURES = PLAN + "/signatures";
    static final String SIGNERS = PLAN + "/signers";
    static final String REVISIONS = PLAN + "/revisions";
    static final String COMPARE = REVISIONS + "/compare";
    static final String DIFF = REVISIONS + "/{from}/diff/{to}";

    private final PlanService plans;
    private final PlanSignatures signatures;
    private final MessageSource messages;

    SignatureController(PlanService plans, PlanSignatures signatures, MessageSource messages) {
        this.plans = plans;
        this.signatures = signatures;
        this.messages = messages;
    }

    /** The panel on a page of its own, for browsers without htmx. */
    public record SignaturesPage(SignaturePanel panel, String backPath) {
    }

    @GetMapping(SIGNATURES)
    String panel(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        return render(viewer, planId, null, FormErrors.none(), FormErrors.none(), null, false, Htmx.isHtmx(request),
                model);
    }

    @PostMapping(SIGNATURES)
    String sign(Viewer viewer, @PathVariable UUID planId, @Valid @ModelAttribute("form") SignForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                signatures.sign(viewer, planId, form.toRequest(), SignatureOrigin.of(request));
                return done(viewer, planId, messages.getMessage("signatures.signed", null, locale), true, request,
                        model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (InvalidInputException e) {
                errors = errors.with(e, messages, locale);
            } catch (DomainException e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return render(viewer, planId, form, FormErrors.none().with(e, messages, locale), FormErrors.none(),
                        null, false, Htmx.isHtmx(request), model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(viewer, planId, form, errors, FormErrors.none(), null, false, Htmx.isHtmx(request), model);
    }

    @PostMapping(SIGNERS)
    String signers(Viewer viewer, @PathVariable UUID planId, @ModelAttribute("signers") SignersForm form,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            signatures.chooseSigners(viewer, planId, form.seller(), new LinkedHashSet<>(form.buyers()),
                    form.version());
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return render(viewer, planId, null, FormErrors.none(), FormErrors.none().with(e, messages, locale), null,
                    false, Htmx.isHtmx(request), model);
        }
        return done(viewer, planId, messages.getMessage("signatures.signersSaved", null, locale), true, request,
                model);
    }

    @PostMapping(REVISIONS)
    String saveRevision(Viewer viewer, @PathVariable UUID planId, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PlanSignatures.SavedRevision saved;
        try {
            saved = signatures.saveRevision(viewer, planId);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(viewer, planId, null, FormErrors.none().with(e, messages, locale), FormErrors.none(), null,
                    false, Htmx.isHtmx(request), model);
        }
        String notice = saved.created()
                ? messages.getMessage("revisions.saved", new Object[] {saved.revision().number()}, locale)
                : messages.getMessage("revisions.unchanged", new Object[] {saved.revision().number()}, locale);
        return done(viewer, planId, notice, false, request, model);
    }

    /** The compare form: two revision numbers, shown as the comparison page. */
    @GetMapping(COMPARE)
    String compare(Viewer viewer, @PathVariable UUID planId, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        PlanView plan = plans.get(viewer, planId);
        if (from == null || to == null) {
            return "redirect:" + planPage(plan);
        }
        return "redirect:/plans/" + planId + "/revisions/" + from + "/diff/" + to;
    }

    @GetMapping(DIFF)
    String diff(Viewer viewer, @PathVariable UUID planId, @PathVariable int from, @PathVariable int to,
            Model model) {
        PlanView plan = plans.get(viewer, planId);
        RevisionDiff diff = signatures.diff(viewer, planId, from, to);
        List<RevisionView> revisions = signatures.revisions(viewer, planId);
        model.addAttribute("page", new RevisionDiffPage("/plans/" + planId, planPage(plan),
                signatures.revision(viewer, planId, from), signatures.revision(viewer, planId, to), diff, revisions));
        return "plans/revision-diff";
    }

    private String done(Viewer viewer, UUID planId, String notice, boolean refreshStatus, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            return render(viewer, planId, null, FormErrors.none(), FormErrors.none(), notice, refreshStatus, true,
                    model);
        }
        return "redirect:" + planPage(plans.get(viewer, planId));
    }

    private String render(Viewer viewer, UUID planId, SignForm form, FormErrors errors, FormErrors signersErrors,
            String notice, boolean refreshStatus, boolean fragment, Model model) {
        PlanView plan = plans.get(viewer, planId);
        SigningState state = signatures.state(viewer, planId);
        SignaturePanel panel = SignaturePanel.forSeller(state, planId, viewer.userId(), plans.canChange(viewer, plan),
                form, errors, signersErrors, notice, refreshStatus);
        if (fragment) {
            model.addAttribute("panel", panel);
            return "plans/signatures";
        }
        model.addAttribute("page", new SignaturesPage(panel, planPage(plan)));
        return "plans/signatures-page";
    }

    private static String planPage(PlanView plan) {
        return "/deals/" + plan.dealId() + "/plan#" + SignaturePanel.PANEL_ID;
    }
}
