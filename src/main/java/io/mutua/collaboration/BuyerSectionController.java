package io.mutua.collaboration;

import io.mutua.collaboration.BuyerPlanPage.Edits;
import io.mutua.collaboration.BuyerPlanPage.SectionPanel;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SectionView;
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

/**
 * The buyer-facing sections of a mutual action plan (problems, solution, success criteria, buying process), in
 * Markdown. Every buyer on the plan reads them; the buyer's main contact, who co-owns the plan with the account
 * executive, writes them. Each section has its own version: a stale edit keeps what was typed and shows what is
 * saved.
 */
@Controller
public class BuyerSectionController {

    static final String SECTION = BuyerPlanController.PLAN + "/sections/{section}";

    private final BuyerAccess access;
    private final BuyerPlans buyerPlans;
    private final BuyerPlanPages pages;
    private final MessageSource messages;

    BuyerSectionController(BuyerAccess access, BuyerPlans buyerPlans, BuyerPlanPages pages,
            MessageSource messages) {
        this.access = access;
        this.buyerPlans = buyerPlans;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping(SECTION)
    String show(Buyer buyer, @PathVariable UUID planId, @PathVariable String section, HttpServletRequest request,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        SectionKey key = key(section);
        if (!Htmx.isHtmx(request)) {
            return anchor(planId, key);
        }
        return fragment(me, plan, key, Edits.NONE, model);
    }

    @GetMapping(SECTION + "/edit")
    String edit(Buyer buyer, @PathVariable UUID planId, @PathVariable String section, HttpServletRequest request,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        SectionKey key = key(section);
        requireMainContact(me);
        SectionView current = current(plan, key);
        Edits edits = Edits.section(new SectionPanel(key, new SectionForm(current.content(), current.version()),
                FormErrors.none(), null));
        return render(me, plan, key, edits, request, model);
    }

    @PostMapping(SECTION)
    String write(Buyer buyer, @PathVariable UUID planId, @PathVariable String section,
            @Valid @ModelAttribute("form") SectionForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        SectionKey key = key(section);
        requireMainContact(me);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(me, plan, key, Edits.section(new SectionPanel(key, form, errors, null)), request, model);
        }
        try {
            buyerPlans.writeSection(planId, me.id(), key, form.content(), form.readVersion());
        } catch (StaleVersionException e) {
            PlanView current = buyerPlans.view(planId);
            SectionView saved = current(current, key);
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(me, current, key, Edits.section(new SectionPanel(key,
                    new SectionForm(form.content(), saved.version()), FormErrors.none().with(e, messages, locale),
                    saved)), request, model);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return render(me, plan, key, Edits.section(new SectionPanel(key, form,
                    FormErrors.none().with(e, messages, locale), null)), request, model);
        }
        if (!Htmx.isHtmx(request)) {
            return anchor(planId, key);
        }
        return fragment(me, buyerPlans.view(planId), key, Edits.NONE, model);
    }

    private String render(ParticipantView me, PlanView plan, SectionKey key, Edits edits, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            return fragment(me, plan, key, edits, model);
        }
        model.addAttribute("page", pages.full(me, plan, edits, null, null));
        return "buyer/plan";
    }

    private String fragment(ParticipantView me, PlanView plan, SectionKey key, Edits edits, Model model) {
        model.addAttribute("page", pages.body(me, plan, edits));
        model.addAttribute("key", key);
        return "buyer/section";
    }

    private static String anchor(UUID planId, SectionKey key) {
        return "redirect:" + BuyerPlanPage.path(planId) + "#" + BuyerPlanPage.SECTION_PREFIX + BuyerPlanPage.slug(key);
    }

    private static void requireMainContact(ParticipantView me) {
        if (!me.mainContact()) {
            throw new ForbiddenException("buyerPlan.sections.mainContactOnly");
        }
    }

    private static SectionKey key(String slug) {
        return Arrays.stream(SectionKey.values()).filter(key -> BuyerPlanPage.slug(key).equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound"));
    }

    private static SectionView current(PlanView plan, SectionKey key) {
        return plan.sections().stream().filter(section -> section.key() == key).findFirst()
                .orElse(new SectionView(key, "", null, 0));
    }
}
