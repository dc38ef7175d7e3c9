package io.mutua.collaboration;

import io.mutua.mail.Mail;
import io.mutua.mail.MailLinks;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The fresh magic link an email to a buyer carries, issued when the email is delivered. */
@Component
class FreshSignInLinks implements MailLinks {

    private final MagicLinks links;
    private final String baseUrl;

    FreshSignInLinks(MagicLinks links, @Value("${mutua.base-url}") String baseUrl) {
        this.links = links;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public String freshLink(String email, UUID planId, Mail.LinkPurpose purpose) {
        MagicLinks.Purpose use = purpose == Mail.LinkPurpose.JOIN ? MagicLinks.Purpose.JOIN
                : MagicLinks.Purpose.SIGN_IN;
        return baseUrl + LinkMails.SIGN_IN_PATH + "?token=" + links.issue(email, planId, use);
    }
}
