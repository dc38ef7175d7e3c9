package io.mutua.collaboration;

import io.mutua.plans.BuyerPlans;
import io.mutua.plans.RevisionDiffPage;
import io.mutua.plans.SignForm;
import io.mutua.plans.SignatureController.SignaturesPage;
import io.mutua.plans.SignatureOrigin;
import io.mutua.plans.SignaturePanel;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
 * The buyer's side of signing a mutual action plan: the signatures panel on their plan page, signing as a required
 * buyer signer, and comparing revisions. Every request starts with the buyer's access to the plan; everything shown
 * comes from {@link BuyerPlans}, and signatures and revisions hold shared content only.
 */
@Controller
class BuyerSignatureController {

    static final String PLAN = Paths.BUYER + "/plans/{planId}";
    static final String SIGNATURES = PLAN + "/signatures";
    static final String COMPARE = PLAN + "/revisions/compare";
    static final String DIFF = PLAN + "/revisions/{from}/diff/{to}";

    private final BuyerAccess access;
    private final BuyerPlans plans;
    private final MessageSource messages;

    BuyerSignatureController(BuyerAccess access, BuyerPlans plans, MessageSource messages) {
        this.access = access;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping(SIGNATURES)
    String panel(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        return render(me, planId, null, FormErrors.none(), null, false, Htmx.isHtmx(request), model);
    }

    @PostMapping(SIGNATURES)
    String sign(Buyer buyer, @PathVariable UUID planId, @Valid @ModelAttribute("form") SignForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                plans.sign(planId, me.id(), form.toRequest(), SignatureOrigin.of(request));
                if (!Htmx.isHtmx(request)) {
                    return "redirect:" + BuyerPlanPage.path(planId) + "#" + SignaturePanel.PANEL_ID;
                }
                return render(me, planId, null, FormErrors.none(),
                        messages.getMessage("signatures.signed", null, locale), true, true, model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (InvalidInputException e) {
                errors = errors.with(e, messages, locale);
            } catch (DomainException e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return render(me, planId, form, FormErrors.none().with(e, messages, locale), null, false,
                        Htmx.isHtmx(request), model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(me, planId, form, errors, null, false, Htmx.isHtmx(request), model);
    }

    @GetMapping(COMPARE)
    String compare(Buyer buyer, @PathVariable UUID planId, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        access.participant(buyer.email(), planId);
        if (from == null || to == null) {
            return "redirect:" + BuyerPlanPage.path(planId) + "#" + SignaturePanel.PANEL_ID;
        }
        return "redirect:" + BuyerPlanPage.path(planId) + "/revisions/" + from + "/diff/" + to;
    }

    @GetMapping(DIFF)
    String diff(Buyer buyer, @PathVariable UUID planId, @PathVariable int from, @PathVariable int to, Model model) {
        access.participant(buyer.email(), planId);
        model.addAttribute("page", new RevisionDiffPage(BuyerPlanPage.path(planId),
                BuyerPlanPage.path(planId) + "#" + SignaturePanel.PANEL_ID, plans.revision(planId, from),
                plans.revision(planId, to), plans.diff(planId, from, to), plans.revisions(planId)));
        return "plans/revision-diff";
    }

    private String render(ParticipantView me, UUID planId, SignForm form, FormErrors errors, String notice,
            boolean refreshStatus, boolean fragment, Model model) {
        SignaturePanel panel = SignaturePanel.forBuyer(plans.signing(planId), planId, me.id(), form, errors, notice,
                refreshStatus);
        if (fragment) {
            model.addAttribute("panel", panel);
            return "plans/signatures";
        }
        model.addAttribute("page", new SignaturesPage(panel, BuyerPlanPage.path(planId) + "#"
                + SignaturePanel.PANEL_ID));
        return "plans/signatures-page";
    }
}
