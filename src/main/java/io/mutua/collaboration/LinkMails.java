package io.mutua.collaboration;

import io.mutua.web.Languages;
import io.mutua.web.OutgoingMail;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emails that carry a magic link. They are sent once the transaction that issued the link committed, and
 * directly — never through the event registry, which would keep the token. Links that anyone may ask for (a fresh
 * sign-in link, a join link) are sent in the background, so that how long the answer takes does not tell whether
 * the address is known; an invitation is sent while the seller waits, who learns when it fails.
 */
@Component
class LinkMails {

    static final String SIGN_IN_PATH = "/b/sign-in";

    private final OutgoingMail mail;
    private final MessageSource messages;
    private final String baseUrl;
    private final Executor background;

    LinkMails(OutgoingMail mail, MessageSource messages, @Value("${mutua.base-url}") String baseUrl,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.mail = mail;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.background = background;
    }

    void invitation(String to, String name, String inviter, String account, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.invitation.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.invitation.body",
                new Object[] {name, inviter, account, link(token), MagicLinks.LIFETIME.toDays()}, locale);
        afterCommit(() -> mail.send(to, subject, body));
    }

    void signInLink(String to, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.signInLink.subject", null, locale);
        String body = messages.getMessage("mail.signInLink.body",
                new Object[] {link(token), MagicLinks.LIFETIME.toDays()}, locale);
        afterCommit(() -> background.execute(() -> mail.send(to, subject, body)));
    }

    void joinLink(String to, String account, String language, String token) {
        Locale locale = Languages.supported(language).orElse(Locale.ENGLISH);
        String subject = messages.getMessage("mail.joinLink.subject", new Object[] {account}, locale);
        String body = messages.getMessage("mail.joinLink.body", new Object[] {account, link(token),
                MagicLinks.LIFETIME.toDays()}, locale);
        afterCommit(() -> background.execute(() -> mail.send(to, subject, body)));
    }

    private String link(String token) {
        return baseUrl + SIGN_IN_PATH + "?token=" + token;
    }

    private static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
