package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
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
import java.util.List;
import java.util.Locale;
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
 * The people of both sides on a mutual action plan, as a panel of the seller's plan page (loaded by htmx) or a page
 * of its own: who they are, where they stand, when they last opened the plan; add buyer contacts and colleagues,
 * invite, name the buyer's main contact, end someone's access. htmx gets the panel back after every change (422 or
 * 409 with the reason when refused); a plain form post goes back to the plan page.
 */
@Controller
public class ParticipantController {

    static final String PANEL = "/plans/{planId}/participants";
    static final String BUYERS = PANEL + "/buyers";
    static final String SELLERS = PANEL + "/sellers";
    static final String ONE = PANEL + "/{participantId}";
    static final String PANEL_ID = "participants";

    private final Participants participants;
    private final PlanService plans;
    private final MessageSource messages;

    ParticipantController(Participants participants, PlanService plans, MessageSource messages) {
        this.participants = participants;
        this.plans = plans;
        this.messages = messages;
    }

    /**
     * The panel. {@code buyer} and {@code colleague} are the add forms, kept with what was typed when refused;
     * {@code notices} are refusals that belong to no form; {@code confirmation} says what just happened.
     */
    public record ParticipantsPanel(PlanView plan, List<ParticipantView> people, boolean canChange,
            List<UserSummary> colleagues, BuyerContactForm buyer, FormErrors buyerErrors, ColleagueForm colleague,
            FormErrors colleagueErrors, List<String> notices, String confirmation) {

        public String panelId() {
            return PANEL_ID;
        }

        public String target() {
            return "#" + PANEL_ID;
        }

        public String basePath() {
            return "/plans/" + plan.id() + "/participants";
        }

        public String path(ParticipantView participant) {
            return basePath() + "/" + participant.id();
        }

        public String planPath() {
            return "/deals/" + plan.dealId() + "/plan";
        }

        public List<BuyingRole> roles() {
            return List.of(BuyingRole.values());
        }

        public boolean hasBuyers() {
            return people.stream().anyMatch(ParticipantView::buyer);
        }
    }

    /** What a refused change leaves open in the panel. */
    private record Refusal(BuyerContactForm buyer, FormErrors buyerErrors, ColleagueForm colleague,
            FormErrors colleagueErrors, List<String> notices) {

        static final Refusal NONE = new Refusal(BuyerContactForm.blank(), FormErrors.none(), ColleagueForm.blank(),
                FormErrors.none(), List.of());

        static Refusal buyer(BuyerContactForm form, FormErrors errors) {
            return new Refusal(form, errors, ColleagueForm.blank(), FormErrors.none(), List.of());
        }

        static Refusal colleague(ColleagueForm form, FormErrors errors) {
            return new Refusal(BuyerContactForm.blank(), FormErrors.none(), form, errors, List.of());
        }

        static Refusal notice(String message) {
            return new Refusal(BuyerContactForm.blank(), FormErrors.none(), ColleagueForm.blank(), FormErrors.none(),
                    List.of(message));
        }
    }

    @GetMapping(PANEL)
    String panel(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = mutualPlan(viewer, planId);
        return render(viewer, plan, Refusal.NONE, null, Htmx.isHtmx(request), model);
    }

    @PostMapping(BUYERS)
    String addBuyer(Viewer viewer, @PathVariable UUID planId, @Valid @ModelAttribute("buyer") BuyerContactForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(viewer, mutualPlan(viewer, planId), Refusal.buyer(form, errors), null, Htmx.isHtmx(request),
                    model);
        }
        return change(viewer, planId, () -> {
            participants.addBuyer(viewer, planId, form.name(), form.email(), form.title(), form.buyingRole());
            return null;
        }, e -> Refusal.buyer(form, FormErrors.none().with(e, messages, locale)), locale, request, response, model);
    }

    @PostMapping(SELLERS)
    String addColleague(Viewer viewer, @PathVariable UUID planId,
            @Valid @ModelAttribute("colleague") ColleagueForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(viewer, mutualPlan(viewer, planId), Refusal.colleague(form, errors), null,
                    Htmx.isHtmx(request), model);
        }
        return change(viewer, planId, () -> {
            participants.addSeller(viewer, planId, form.userId(), form.title());
            return null;
        }, e -> Refusal.colleague(form, FormErrors.none().with(e, messages, locale)), locale, request, response,
                model);
    }

    @PostMapping(ONE + "/invitation")
    String invite(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID participantId, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> {
            participants.invite(viewer, planId, participantId);
            String name = participants.list(viewer, planId).stream().filter(p -> p.id().equals(participantId))
                    .map(ParticipantView::name).findFirst().orElse("");
            return messages.getMessage("participants.invitationSent", new Object[] {name}, locale);
        }, e -> Refusal.notice(notice(e, locale)), locale, request, response, model);
    }

    @PostMapping(ONE + "/main-contact")
    String makeMainContact(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID participantId,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> {
            participants.makeMainContact(viewer, planId, participantId);
            return null;
        }, e -> Refusal.notice(notice(e, locale)), locale, request, response, model);
    }

    @PostMapping(ONE + "/revoke")
    String revoke(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID participantId,
            @RequestParam(required = false) Long version, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return change(viewer, planId, () -> {
            participants.revoke(viewer, planId, participantId, version == null ? -1 : version);
            return null;
        }, e -> Refusal.notice(notice(e, locale)), locale, request, response, model);
    }

    // --- how changes are answered ------------------------------------------------------------------------------

    /** A change that answers with a confirmation (or null); refusals the user can act on are shown in the panel. */
    private interface Change {
        String run();
    }

    private String change(Viewer viewer, UUID planId, Change action,
            Function<DomainException, Refusal> onFailure, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView plan = mutualPlan(viewer, planId);
        String confirmation;
        try {
            confirmation = action.run();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return render(viewer, plan, onFailure.apply(e), null, Htmx.isHtmx(request), model);
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/deals/" + plan.dealId() + "/plan#" + PANEL_ID;
        }
        return render(viewer, plan, Refusal.NONE, confirmation, true, model);
    }

    private String render(Viewer viewer, PlanView plan, Refusal refusal, String confirmation, boolean fragment,
            Model model) {
        boolean canChange = plans.canChange(viewer, plan);
        model.addAttribute("panel", new ParticipantsPanel(plan, participants.list(viewer, plan.id()), canChange,
                canChange ? participants.colleaguesToAdd(viewer, plan.id()) : List.of(), refusal.buyer(),
                refusal.buyerErrors(), refusal.colleague(), refusal.colleagueErrors(), refusal.notices(),
                confirmation));
        return fragment ? "collaboration/participants" : "collaboration/participants-page";
    }

    private PlanView mutualPlan(Viewer viewer, UUID planId) {
        PlanView plan = plans.get(viewer, planId);
        if (!plan.mutual()) {
            throw new ConflictException("plans.notMutual");
        }
        return plan;
    }

    /** A refusal in words; a stale version is explained as what it is here: someone changed this person. */
    private String notice(DomainException e, Locale locale) {
        if (e instanceof StaleVersionException) {
            return messages.getMessage("participants.stale", null, locale);
        }
        return messages.getMessage(e.messageKey(), e.args(), locale);
    }
}
