package io.mutua.mail;

import java.util.UUID;

/**
 * Issues the fresh link that replaces {@link Mail#LINK} when an email is delivered. Implemented by the module that
 * owns buyers' magic links.
 */
public interface MailLinks {

    /**
     * A new link for {@code email}: with {@link Mail.LinkPurpose#SIGN_IN} it signs in to the plan (to the buyer's
     * portal when {@code planId} is null), with {@link Mail.LinkPurpose#JOIN} it lets the recipient join the plan.
     */
    String freshLink(String email, UUID planId, Mail.LinkPurpose purpose);
}
