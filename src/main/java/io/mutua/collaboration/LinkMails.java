package io.mutua.collaboration;

import io.mutua.web.Languages;
import io.mutua.web.OutgoingMail;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emails that carry a magic link. They are sent once the transaction that issued the link committed, and
 * directly — never through the event registry, which would keep the token.
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
        send(to, messages.getMessage("mail.invitation.subject", new Object[] {account}, locale),
                messages.getMessage("mail.invitation.body",
                        new Object[] {name, inviter, account, link(token), MagicLinks.LIFETIME.toDays()}, locale));
    }

    void signInLink(String to, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        send(to, messages.getMessage("mail.signInLink.subject", null, locale),
                messages.getMessage("mail.signInLink.body", new Object[] {link(token), MagicLinks.LIFETIME.toDays()},
                        locale));
    }

    void joinLink(String to, String account, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        send(to, messages.getMessage("mail.joinLink.subject", new Object[] {account}, locale),
                messages.getMessage("mail.joinLink.body", new Object[] {account, link(token),
                        MagicLinks.LIFETIME.toDays()}, locale));
    }

    private String link(String token) {
        return baseUrl + SIGN_IN_PATH + "?token=" + token;
    }

    private void send(String to, String subject, String body) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mail.send(to, subject, body);
                }
            });
        } else {
            mail.send(to, subject, body);
        }
    }
}
