package io.mutua.collaboration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new comment: on the plan ({@code stepId} empty) or on a step; only sellers may keep one internal. */
public record CommentForm(
        @NotBlank(message = "{validation.required}") @Size(max = Comments.MAX_BODY, message = "{validation.size}")
        String body,
        UUID stepId,
        Boolean internal) {

    public CommentForm {
        body = body == null ? "" : body.replace("\r\n", "\n");
        internal = Boolean.TRUE.equals(internal);
    }

    static CommentForm blank() {
        return new CommentForm("", null, false);
    }
}
