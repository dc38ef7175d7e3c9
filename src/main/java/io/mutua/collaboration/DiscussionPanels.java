package io.mutua.collaboration;

import io.mutua.identity.Viewer;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.web.FormErrors;
import io.mutua.web.Markdown;
import io.mutua.web.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds the comments and documents panels of a plan for one viewer. What they list comes from
 * {@link Comments} and {@link Attachments}, which filter what buyers may see in the query; step titles come from the
 * plan as the same viewer sees it.
 */
@Component
class DiscussionPanels {

    private final Comments comments;
    private final Attachments attachments;
    private final Markdown markdown;

    DiscussionPanels(Comments comments, Attachments attachments, Markdown markdown) {
        this.comments = comments;
        this.attachments = attachments;
        this.markdown = markdown;
    }

    static String sellerPath(UUID planId) {
        return "/plans/" + planId;
    }

    static String buyerPath(UUID planId) {
        return Paths.BUYER + "/plans/" + planId;
    }

    CommentsPanel commentsForSeller(Viewer viewer, PlanView plan, boolean canWrite, CommentForm form, FormErrors errors,
            boolean posted) {
        return comments(sellerPath(plan.id()), true, canWrite, comments.forSeller(viewer, plan.id()), plan, form,
                errors, posted);
    }

    CommentsPanel commentsForBuyer(ParticipantView buyer, PlanView plan, boolean canWrite, CommentForm form,
            FormErrors errors, boolean posted) {
        return comments(buyerPath(plan.id()), false, canWrite, comments.forBuyer(buyer.email(), plan.id()), plan,
                form, errors, posted);
    }

    AttachmentsPanel attachmentsForSeller(Viewer viewer, PlanView plan, boolean canWrite, UUID stepId, boolean internal,
            FormErrors errors, boolean uploaded) {
        return attachments(sellerPath(plan.id()), true, canWrite, attachments.forSeller(viewer, plan.id()), plan,
                stepId, internal, errors, uploaded);
    }

    AttachmentsPanel attachmentsForBuyer(ParticipantView buyer, PlanView plan, boolean canWrite, UUID stepId,
            FormErrors errors, boolean uploaded) {
        return attachments(buyerPath(plan.id()), false, canWrite, attachments.forBuyer(buyer.email(), plan.id()),
                plan, stepId, false, errors, uploaded);
    }

    private CommentsPanel comments(String basePath, boolean seller, boolean canWrite, List<CommentView> list,
            PlanView plan, CommentForm form, FormErrors errors, boolean posted) {
        Map<UUID, String> titles = titles(plan);
        Mentions mentions = comments.mentionable(plan.id());
        List<CommentsPanel.Item> items = list.stream()
                .map(comment -> new CommentsPanel.Item(comment.id(), comment.authorName(), comment.authorSide(),
                        mentions.highlight(markdown.toHtml(comment.body())),
                        comment.stepId() == null ? null : titles.get(comment.stepId()), comment.internal(),
                        comment.createdAt()))
                .toList();
        return new CommentsPanel(basePath, seller, canWrite, items, choices(plan), form, errors, posted);
    }

    private AttachmentsPanel attachments(String basePath, boolean seller, boolean canWrite,
            List<AttachmentView> list, PlanView plan, UUID stepId, boolean internal, FormErrors errors,
            boolean uploaded) {
        Map<UUID, String> titles = titles(plan);
        List<AttachmentsPanel.Item> items = list.stream()
                .map(file -> new AttachmentsPanel.Item(file, file.stepId() == null ? null : titles.get(file.stepId())))
                .toList();
        return new AttachmentsPanel(basePath, seller, canWrite, items, choices(plan), stepId, internal, errors,
                uploaded, Attachments.MAX_BYTES / (1024 * 1024));
    }

    private static Map<UUID, String> titles(PlanView plan) {
        return plan.steps().stream().collect(Collectors.toMap(StepView::id, StepView::title, (a, b) -> a));
    }

    private static List<StepChoice> choices(PlanView plan) {
        return plan.steps().stream().map(step -> new StepChoice(step.id(), step.title())).toList();
    }
}
