package io.mutua.mail;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to queue. {@code kind} names what it is (for the admin's queue), {@code dedupeKey} makes queuing it
 * twice a no-op (a retry, a restart, two nodes). {@code html} may be null for a plain-text email. When
 * {@code linkPlanId} is set, {@link #LINK} in the text and HTML is replaced at delivery by a fresh sign-in link
 * of the recipient to that plan (or, for {@link LinkPurpose#JOIN}, a link that lets the recipient join it), so
 * that no link secret ever waits in the outbox. {@code linkPurpose} says whether such a link is wanted at all; a
 * sign-in link without a plan opens the buyer's portal.
 */
public record Mail(String to, String subject, String text, String html, String kind, String dedupeKey,
        Map<String, String> headers, UUID linkPlanId, LinkPurpose linkPurpose) {

    /** What the fresh link in an email does. */
    public enum LinkPurpose { SIGN_IN, JOIN }

    /** Where a fresh magic link goes in the text and HTML of an email with a {@code linkPlanId}. */
    public static final String LINK = "{{mutua-link}}";

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (linkPlanId != null && linkPurpose == null) {
            linkPurpose = LinkPurpose.SIGN_IN;
        }
    }

    /** An email whose link, if {@code linkPlanId} is set, signs the recipient in to that plan. */
    public Mail(String to, String subject, String text, String html, String kind, String dedupeKey,
            Map<String, String> headers, UUID linkPlanId) {
        this(to, subject, text, html, kind, dedupeKey, headers, linkPlanId, null);
    }

    /** A plain-text email; its dedupe key is random, so it is queued every time. */
    public static Mail text(String to, String subject, String text, String kind) {
        return new Mail(to, subject, text, null, kind, kind + ":" + UUID.randomUUID(), Map.of(), null, null);
    }

    /**
     * Whether someone is waiting for this email (a sign-in link, an invitation, a welcome): it goes before
     * notifications and digests, so that a burst of those never holds it up.
     */
    boolean awaited() {
        return !kind.startsWith("notice.") && !kind.equals("digest");
    }

    public Mail withHtml(String html) {
        return new Mail(to, subject, text, html, kind, dedupeKey, headers, linkPlanId, linkPurpose);
    }

    public Mail withDedupeKey(String key) {
        return new Mail(to, subject, text, html, kind, key, headers, linkPlanId, linkPurpose);
    }

    public Mail withHeaders(Map<String, String> extra) {
        return new Mail(to, subject, text, html, kind, dedupeKey, extra, linkPlanId, linkPurpose);
    }

    /** {@link #LINK} becomes a fresh sign-in link to the plan, or to the buyer's portal when {@code planId} is null. */
    public Mail withSignInLinkTo(UUID planId) {
        return new Mail(to, subject, text, html, kind, dedupeKey, headers, planId, LinkPurpose.SIGN_IN);
    }

    /** {@link #LINK} becomes a fresh link that lets the recipient join the plan. */
    public Mail withJoinLinkTo(UUID planId) {
        return new Mail(to, subject, text, html, kind, dedupeKey, headers, Objects.requireNonNull(planId, "planId"),
                LinkPurpose.JOIN);
    }
}
