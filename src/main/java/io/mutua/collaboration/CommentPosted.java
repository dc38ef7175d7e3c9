package io.mutua.collaboration;

import java.util.List;
import java.util.UUID;

/**
 * A comment was saved, on a step or on the plan ({@code stepId} null), by a seller user or a buyer participant.
 * {@code internal} when buyers may not read it; {@code mentioned} are the participants it mentions, its author left
 * out. Published in the comment's transaction.
 */
public record CommentPosted(UUID planId, UUID stepId, UUID commentId, UUID authorUserId, UUID authorParticipantId,
        String authorName, String body, boolean internal, List<UUID> mentioned) {

    public CommentPosted {
        mentioned = List.copyOf(mentioned);
    }
}
