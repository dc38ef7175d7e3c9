package io.mutua.collaboration;

import io.mutua.collaboration.BuyerPlanPage.Edits;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanView;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The buyers' side of a plan's discussion: the shared comments and documents, adding to them and downloading.
 * Every request starts with the buyer's access to the plan; what is listed comes from queries that leave out
 * anything internal. Each panel is a fragment of its own for live refreshes.
 */
@Controller
public class BuyerDiscussionController {

    static final String COMMENTS = BuyerPlanController.PLAN + "/comments";
    static final String ATTACHMENTS = BuyerPlanController.PLAN + "/attachments";
    static final String DOWNLOAD = ATTACHMENTS + "/{attachmentId}";

    private final BuyerAccess access;
    private final BuyerPlans buyerPlans;
    private final Comments comments;
    private final Attachments attachments;
    private final BuyerPlanPages pages;
    private final MessageSource messages;

    BuyerDiscussionController(BuyerAccess access, BuyerPlans buyerPlans, Comments comments, Attachments attachments,
            BuyerPlanPages pages, MessageSource messages) {
        this.access = access;
        this.buyerPlans = buyerPlans;
        this.comments = comments;
        this.attachments = attachments;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping(COMMENTS)
    String comments(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + BuyerPlanPage.path(planId) + "#" + CommentsPanel.ID;
        }
        return comments(me, plan, pages.comments(me, plan, CommentForm.blank(), FormErrors.none(), false), request,
                model);
    }

    @PostMapping(COMMENTS)
    String comment(Buyer buyer, @PathVariable UUID planId, @Valid @ModelAttribute("comment") CommentForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                comments.addByBuyer(buyer.email(), planId, form.stepId(), form.body());
                if (!Htmx.isHtmx(request)) {
                    return "redirect:" + BuyerPlanPage.path(planId) + "#" + CommentsPanel.ID;
                }
                return comments(me, plan, pages.comments(me, plan, CommentForm.blank(), FormErrors.none(), true),
                        request, model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        CommentForm typed = new CommentForm(form.body(), form.stepId(), false);
        return comments(me, plan, pages.comments(me, plan, typed, errors, false), request, model);
    }

    @GetMapping(ATTACHMENTS)
    String attachments(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + BuyerPlanPage.path(planId) + "#" + AttachmentsPanel.ID;
        }
        return attachments(me, plan, pages.attachments(me, plan, null, FormErrors.none(), false), request, model);
    }

    @PostMapping(ATTACHMENTS)
    String upload(Buyer buyer, @PathVariable UUID planId, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        PlanView plan = buyerPlans.view(planId);
        Upload upload = null;
        FormErrors errors;
        try {
            upload = Upload.read(request);
            attachments.uploadByBuyer(buyer.email(), planId, upload.stepId(), upload.file());
            if (!Htmx.isHtmx(request)) {
                return "redirect:" + BuyerPlanPage.path(planId) + "#" + AttachmentsPanel.ID;
            }
            return attachments(me, plan, pages.attachments(me, plan, null, FormErrors.none(), true), request, model);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            errors = FormErrors.none().with(e, messages, locale);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return attachments(me, plan, pages.attachments(me, plan, upload == null ? null : upload.stepId(), errors,
                false), request, model);
    }

    @GetMapping(DOWNLOAD)
    ResponseEntity<Resource> download(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID attachmentId) {
        access.participant(buyer.email(), planId);
        return Upload.download(attachments.downloadByBuyer(buyer.email(), planId, attachmentId));
    }

    private String comments(ParticipantView me, PlanView plan, CommentsPanel panel, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("panel", panel);
            return "collaboration/comments";
        }
        model.addAttribute("page", pages.full(me, plan, Edits.NONE, panel, null));
        return "buyer/plan";
    }

    private String attachments(ParticipantView me, PlanView plan, AttachmentsPanel panel,
            HttpServletRequest request, Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("panel", panel);
            return "collaboration/attachments";
        }
        model.addAttribute("page", pages.full(me, plan, Edits.NONE, null, panel));
        return "buyer/plan";
    }
}
