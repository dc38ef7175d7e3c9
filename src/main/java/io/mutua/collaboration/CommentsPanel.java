package io.mutua.collaboration;

import io.mutua.web.FormErrors;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The comments of a plan as one viewer sees them, with the form to add one. {@code basePath} is the plan's address
 * on the viewer's side ({@code /plans/<id>} or {@code /b/plans/<id>}); {@code seller} offers the internal checkbox.
 */
public record CommentsPanel(String basePath, boolean seller, boolean canWrite, List<Item> comments,
        List<StepChoice> steps, CommentForm form, FormErrors errors, boolean posted) {

    public static final String ID = "comments";

    /** One comment: its Markdown as sanitized HTML with the mentions marked. */
    public record Item(UUID id, String author, String side, String html, String stepTitle, boolean internal,
            Instant at) {

        public String domId() {
            return "comment-" + id;
        }
    }

    public String id() {
        return ID;
    }

    public String target() {
        return "#" + ID;
    }

    public String path() {
        return basePath + "/comments";
    }

    public boolean selected(StepChoice step) {
        return step.id().equals(form.stepId());
    }
}
