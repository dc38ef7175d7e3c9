package io.mutua.notifications;

import org.springframework.stereotype.Component;

/** Records a notification for one reader and, when they want it at once, queues its email in the same transaction. */
@Component
class Notifier {

    private final Notifications notifications;
    private final NoticeMails mails;

    Notifier(Notifications notifications, NoticeMails mails) {
        this.notifications = notifications;
        this.mails = mails;
    }

    void tell(Notice notice, PlanAudience.Reader reader, PlanPeople.PlanFacts plan, PlanPeople.StepFacts step) {
        notifications.record(notice).filter(recorded -> recorded.mode() == Mode.IMMEDIATE)
                .ifPresent(recorded -> mails.queue(recorded.id(), notice, reader, plan, step));
    }
}
