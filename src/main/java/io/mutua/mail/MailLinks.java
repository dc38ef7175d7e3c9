package io.mutua.mail;

import java.util.UUID;

/**
 * Issues the fresh sign-in link that replaces {@link Mail#LINK} when an email is delivered. Implemented by the
 * module that owns buyers' magic links.
 */
public interface MailLinks {

    String freshLink(String email, UUID planId);
}
