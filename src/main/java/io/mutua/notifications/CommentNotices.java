package io.mutua.notifications;

import io.mutua.collaboration.CommentPosted;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells about a comment, in its transaction: the people it mentions hear MENTIONED; the followers of its step (or
 * the main contacts, for a comment on the plan) hear COMMENTED. Buyers hear nothing of a comment they may not read.
 */
@Component
class CommentNotices {

    private static final int QUOTED = 140;

    private final PlanPeople people;
    private final PlanAudience audience;
    private final Notifier notifier;

    CommentNotices(PlanPeople people, PlanAudience audience, Notifier notifier) {
        this.people = people;
        this.audience = audience;
        this.notifier = notifier;
    }

    @EventListener
    void on(CommentPosted comment) {
        people.plan(comment.planId()).ifPresent(plan -> {
            PlanPeople.Ref author = comment.authorUserId() != null ? PlanPeople.Ref.user(comment.authorUserId())
                    : PlanPeople.Ref.participant(comment.authorParticipantId());
            PlanAudience.Of readers = audience.of(plan, author);
            Optional<PlanPeople.StepFacts> step = comment.stepId() == null ? Optional.empty()
                    : people.step(comment.stepId());
            if (comment.stepId() != null && step.isEmpty()) {
                return;
            }
            List<String> args = List.of(step.map(PlanPeople.StepFacts::title).orElse(""), quote(comment.body()));
            Set<String> told = new LinkedHashSet<>();
            for (var mentioned : comment.mentioned()) {
                readers.participant(mentioned).filter(ref -> told.add(ref.key()))
                        .ifPresent(ref -> tell(readers, ref, NoticeKind.MENTIONED, comment, args, step));
            }
            List<PlanPeople.Ref> followers = comment.stepId() == null ? readers.mainContacts()
                    : readers.followers(comment.stepId(), Set.of());
            for (PlanPeople.Ref follower : followers) {
                if (told.add(follower.key())) {
                    tell(readers, follower, NoticeKind.COMMENTED, comment, args, step);
                }
            }
        });
    }

    private void tell(PlanAudience.Of readers, PlanPeople.Ref ref, NoticeKind kind, CommentPosted comment,
            List<String> args, Optional<PlanPeople.StepFacts> step) {
        readers.reader(ref, !comment.internal()).ifPresent(reader -> notifier.tell(new Notice(reader.recipient(),
                kind, comment.planId(), comment.stepId(), comment.authorName(), args,
                "comment:" + comment.commentId() + ":" + kind.name() + ":" + ref.key()), reader, readers.plan(),
                step.orElse(null)));
    }

    private static String quote(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= QUOTED ? oneLine : oneLine.substring(0, QUOTED - 1) + "…";
    }
}
