package io.mutua.notifications;

import io.mutua.identity.UserCreated;
import io.mutua.web.Languages;
import io.mutua.mail.OutgoingMail;
import io.mutua.web.Paths;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a new user that an account is waiting, with the sign-in link; never the password. */
@Component
class WelcomeEmails {

    private final OutgoingMail mailer;
    private final MessageSource messages;
    private final String baseUrl;

    WelcomeEmails(OutgoingMail mailer, MessageSource messages, @Value("${mutua.base-url}") String baseUrl) {
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(UserCreated created) {
        Locale locale = Languages.supported(created.locale()).orElse(Locale.ENGLISH);
        String signIn = baseUrl.replaceAll("/+$", "") + Paths.LOGIN;
        mailer.send(created.email(),
                messages.getMessage("mail.welcome.subject", null, locale),
                messages.getMessage("mail.welcome.body",
                        new Object[] {created.name(), created.createdByName(), signIn, created.email()}, locale));
    }
}
