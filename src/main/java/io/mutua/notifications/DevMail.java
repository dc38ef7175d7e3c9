package io.mutua.notifications;

import java.time.Instant;
import java.util.List;

/** One email the embedded SMTP server received, with the links found in it. */
public record DevMail(int number, String from, String to, String subject, Instant sentAt, String text,
        List<String> links) {
}
