package io.mutua.insights;

import io.mutua.deals.DealFacts;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.mail.Mail;
import io.mutua.mail.OutgoingMail;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Tells each recipient, in their language, that a won deal was handed over to them, with the handoff's link. */
@Component
class HandoffEmails {

    private final OutgoingMail mailer;
    private final MessageSource messages;
    private final Users users;
    private final String baseUrl;

    HandoffEmails(OutgoingMail mailer, MessageSource messages, Users users,
            @Value("${mutua.base-url}") String baseUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.users = users;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Queued in the caller's transaction: no handoff, no email; queuing it again is a no-op. */
    void queue(UUID handoffId, DealFacts deal, List<UserSummary> recipients) {
        String link = baseUrl + HandoffController.PATH + "/" + handoffId;
        for (UserSummary recipient : recipients) {
            Locale locale = users.preferredLocale(recipient.email()).orElse(Locale.ENGLISH);
            String subject = messages.getMessage("mail.handoff.subject", new Object[] {deal.account()}, locale);
            String text = messages.getMessage("mail.handoff.body",
                    new Object[] {recipient.name(), deal.name(), deal.account(), link}, locale);
            mailer.queue(new Mail(recipient.email(), subject, text, null, "handoff",
                    "handoff:" + handoffId + ":" + recipient.id(), Map.of(), null));
        }
    }
}
