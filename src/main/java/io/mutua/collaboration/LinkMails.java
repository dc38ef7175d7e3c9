package io.mutua.collaboration;

import io.mutua.web.Languages;
import io.mutua.mail.Mail;
import io.mutua.mail.OutgoingMail;
import java.util.UUID;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Emails that carry a magic link, queued in the mail outbox in the transaction of the request. The outbox holds only
 * {@link Mail#LINK}: the link itself is issued when the email is delivered (see {@link FreshSignInLinks}), so no
 * usable secret ever waits in the database.
 */
@Component
class LinkMails {

    static final String SIGN_IN_PATH = "/b/sign-in";

    private final OutgoingMail mail;
    private final MessageSource messages;

    LinkMails(OutgoingMail mail, MessageSource messages) {
        this.mail = mail;
        this.messages = messages;
    }

    void invitation(String to, String name, String inviter, String account, String language, UUID planId) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.invitation.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.invitation.body",
                new Object[] {name, inviter, account, Mail.LINK, MagicLinks.LIFETIME.toDays()}, locale);
        mail.queue(Mail.text(to, subject, body, "invitation").withSignInLinkTo(planId));
    }

    /** A sign-in link to the plan, or to the buyer's portal when {@code planId} is null. */
    void signInLink(String to, String language, UUID planId) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.signInLink.subject", null, locale);
        String body = messages.getMessage("mail.signInLink.body",
                new Object[] {Mail.LINK, MagicLinks.LIFETIME.toDays()}, locale);
        mail.queue(Mail.text(to, subject, body, "sign-in-link").withSignInLinkTo(planId));
    }

    void joinLink(String to, String account, String language, UUID planId) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.joinLink.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.joinLink.body", new Object[] {account, Mail.LINK,
                MagicLinks.LIFETIME.toDays()}, locale);
        mail.queue(Mail.text(to, subject, body, "join-link").withJoinLinkTo(planId));
    }

}
