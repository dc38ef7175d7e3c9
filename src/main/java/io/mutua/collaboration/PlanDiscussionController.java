package io.mutua.collaboration;

import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
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
 * The sales team's side of a plan's discussion: comments (internal ones included, and the choice to keep one
 * internal) and documents. The plan page loads it into its {@code #discussion} element; each panel is also a
 * fragment of its own for live refreshes, and a page of its own without JavaScript.
 */
@Controller
public class PlanDiscussionController {

    static final String COMMENTS = "/plans/{planId}/comments";
    static final String ATTACHMENTS = "/plans/{planId}/attachments";
    static final String DOWNLOAD = ATTACHMENTS + "/{attachmentId}";
    /** The element of the plan page that loads the whole discussion. */
    static final String DISCUSSION = "discussion";

    private final PlanService plans;
    private final Comments comments;
    private final Attachments attachments;
    private final DiscussionPanels panels;
    private final MessageSource messages;

    PlanDiscussionController(PlanService plans, Comments comments, Attachments attachments, DiscussionPanels panels,
            MessageSource messages) {
        this.plans = plans;
        this.comments = comments;
        this.attachments = attachments;
        this.panels = panels;
        this.messages = messages;
    }

    /** The whole discussion as a page of its own, for browsers without JavaScript. */
    public record DiscussionPage(PlanView plan, CommentsPanel comments, AttachmentsPanel attachments) {

        public String planPath() {
            return "/deals/" + plan.dealId() + "/plan";
        }
    }

    @GetMapping(COMMENTS)
    String comments(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = plans.get(viewer, planId);
        CommentsPanel panel = commentsPanel(viewer, plan, CommentForm.blank(), FormErrors.none(), false);
        if (Htmx.isHtmx(request) && DISCUSSION.equals(request.getHeader("HX-Target"))) {
            return discussion(panel, attachmentsPanel(viewer, plan, null, false, FormErrors.none(), false), model);
        }
        return comments(viewer, plan, panel, request, model);
    }

    @PostMapping(COMMENTS)
    String comment(Viewer viewer, @PathVariable UUID planId, @Valid @ModelAttribute("comment") CommentForm form,
            BindingResult result, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        PlanView plan = plans.get(viewer, planId);
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                comments.addBySeller(viewer, planId, form.stepId(), form.body(), form.internal());
                if (!Htmx.isHtmx(request)) {
                    return "redirect:/deals/" + plan.dealId() + "/plan#" + DISCUSSION;
                }
                return comments(viewer, plan, commentsPanel(viewer, plan, CommentForm.blank(), FormErrors.none(),
                        true), request, model);
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return comments(viewer, plan, commentsPanel(viewer, plan, form, errors, false), request, model);
    }

    @GetMapping(ATTACHMENTS)
    String attachments(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = plans.get(viewer, planId);
        return attachments(viewer, plan, attachmentsPanel(viewer, plan, null, false, FormErrors.none(), false),
                request, model);
    }

    @PostMapping(ATTACHMENTS)
    String upload(Viewer viewer, @PathVariable UUID planId, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PlanView plan = plans.get(viewer, planId);
        Upload upload = null;
        FormErrors errors;
        try {
            upload = Upload.read(request);
            attachments.uploadBySeller(viewer, planId, upload.stepId(), upload.file(), upload.internal());
            if (!Htmx.isHtmx(request)) {
                return "redirect:/deals/" + plan.dealId() + "/plan#" + DISCUSSION;
            }
            return attachments(viewer, plan, attachmentsPanel(viewer, plan, null, false, FormErrors.none(), true),
                    request, model);
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            errors = FormErrors.none().with(e, messages, locale);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return attachments(viewer, plan, attachmentsPanel(viewer, plan, upload == null ? null : upload.stepId(),
                upload != null && upload.internal(), errors, false), request, model);
    }

    @GetMapping(DOWNLOAD)
    ResponseEntity<Resource> download(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID attachmentId) {
        return Upload.download(attachments.downloadBySeller(viewer, planId, attachmentId));
    }

    private CommentsPanel commentsPanel(Viewer viewer, PlanView plan, CommentForm form, FormErrors errors,
            boolean posted) {
        return panels.commentsForSeller(viewer, plan, plans.canChange(viewer, plan), form, errors, posted);
    }

    private AttachmentsPanel attachmentsPanel(Viewer viewer, PlanView plan, UUID stepId, boolean internal,
            FormErrors errors, boolean uploaded) {
        return panels.attachmentsForSeller(viewer, plan, plans.canChange(viewer, plan), stepId, internal, errors,
                uploaded);
    }

    private String comments(Viewer viewer, PlanView plan, CommentsPanel panel, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("panel", panel);
            return "collaboration/comments";
        }
        return page(plan, panel, attachmentsPanel(viewer, plan, null, false, FormErrors.none(), false), model);
    }

    private String attachments(Viewer viewer, PlanView plan, AttachmentsPanel panel, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("panel", panel);
            return "collaboration/attachments";
        }
        return page(plan, commentsPanel(viewer, plan, CommentForm.blank(), FormErrors.none(), false), panel, model);
    }

    private static String discussion(CommentsPanel comments, AttachmentsPanel attachments, Model model) {
        model.addAttribute("comments", comments);
        model.addAttribute("attachments", attachments);
        return "collaboration/discussion";
    }

    private static String page(PlanView plan, CommentsPanel comments, AttachmentsPanel attachments, Model model) {
        model.addAttribute("page", new DiscussionPage(plan, comments, attachments));
        return "collaboration/discussion-page";
    }
}
