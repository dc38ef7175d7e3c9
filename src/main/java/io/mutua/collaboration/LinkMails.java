package io.mutua.collaboration;

import io.mutua.web.Languages;
import io.mutua.mail.OutgoingMail;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Emails that carry a magic link, queued in the mail outbox in the transaction that issued the link — never through
 * the event registry.
 */
@Component
class LinkMails {

    static final String SIGN_IN_PATH = "/b/sign-in";

    private final OutgoingMail mail;
    private final MessageSource messages;
    private final String baseUrl;

    LinkMails(OutgoingMail mail, MessageSource messages, @Value("${mutua.base-url}") String baseUrl) {
        this.mail = mail;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    void invitation(String to, String name, String inviter, String account, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.invitation.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.invitation.body",
                new Object[] {name, inviter, account, link(token), MagicLinks.LIFETIME.toDays()}, locale);
        mail.send(to, subject, body);
    }

    void signInLink(String to, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.signInLink.subject", null, locale);
        String body = messages.getMessage("mail.signInLink.body",
                new Object[] {link(token), MagicLinks.LIFETIME.toDays()}, locale);
        mail.send(to, subject, body);
    }

    void joinLink(String to, String account, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.joinLink.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.joinLink.body", new Object[] {account, link(token),
                MagicLinks.LIFETIME.toDays()}, locale);
        mail.send(to, subject, body);
    }

    private String link(String token) {
        return baseUrl + SIGN_IN_PATH + "?token=" + token;
    }
}
