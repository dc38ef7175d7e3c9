package io.mutua.collaboration;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;

/** What the test SMTP server received for one address. */
public final class Inbox {

    private final GreenMail server;

    public Inbox(GreenMail server) {
        this.server = server;
    }

    /**
     * Every message to {@code email} so far, from that address's own mailbox: reading every message the server
     * ever received, many times a second while waiting, would slow the server down for everybody. The copy is taken
     * under the mailbox's lock, as the server may be storing a message at the same moment.
     */
    public List<MimeMessage> of(String email) {
        GreenMailUser user = server.getUserManager().getUserByEmail(email);
        if (user == null) {
            user = server.getUserManager().getUserByEmail(email.toLowerCase(Locale.ROOT));
        }
        if (user == null) {
            return List.of();
        }
        try {
            return server.getManagers().getImapHostManager().getInbox(user).getNonDeletedMessages().stream()
                    .map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code email} has received {@code count} messages and returns the latest one. */
    public MimeMessage await(String email, int count) {
        List<MimeMessage> messages = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> of(email), received -> received.size() >= count);
        return messages.get(messages.size() - 1);
    }

    /** The decoded text of a message: the whole body of a plain-text one, the plain-text part of any other. */
    public static String body(MimeMessage message) {
        return text(message);
    }

    /** The plain-text part of a message (the whole body of a plain-text one), decoded. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The HTML part of a message, decoded; empty when it has none. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) {
        try {
            return part((Part) message, type).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
