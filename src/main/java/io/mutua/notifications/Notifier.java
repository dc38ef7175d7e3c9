package io.mutua.notifications;

import org.springframework.stereotype.Component;

/** Records a notification for one reader and, when they want it at once, queues its email in the same transaction. */
@Component
class Notifier {

    private final Notifications notifications;
    private final NoticeMails mails;
    private final PlanPeople people;
    private final PlanAudience audience;

    Notifier(Notifications notifications, NoticeMails mails, PlanPeople people, PlanAudience audience) {
        this.notifications = notifications;
        this.mails = mails;
        this.people = people;
        this.audience = audience;
    }

    void tell(Notice notice, PlanAudience.Reader reader, PlanPeople.PlanFacts plan, PlanPeople.StepFacts step) {
        notifications.record(notice).filter(recorded -> recorded.mode() == Mode.IMMEDIATE)
                .ifPresent(recorded -> mails.queue(recorded.id(), notice, reader, plan, step));
    }

    /**
     * A notice whose recipient the caller chose (a reminder): recorded, and emailed at once when wanted — if the
     * recipient may still be told about the plan.
     */
    void tell(Notice notice) {
        notifications.record(notice).filter(recorded -> recorded.mode() == Mode.IMMEDIATE)
                .ifPresent(recorded -> people.plan(notice.planId()).ifPresent(plan -> {
                    Recipient recipient = notice.recipient();
                    PlanPeople.Ref ref = recipient.buyer() ? PlanPeople.Ref.participant(recipient.participantId())
                            : PlanPeople.Ref.user(recipient.userId());
                    PlanPeople.StepFacts step = notice.stepId() == null ? null
                            : people.step(notice.stepId()).orElse(null);
                    audience.of(plan, null).reader(ref, true)
                            .ifPresent(reader -> mails.queue(recorded.id(), notice, reader, plan, step));
                }));
    }
}
