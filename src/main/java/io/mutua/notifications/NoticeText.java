package io.mutua.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one line that says what a notification is about, in the reader's language: the message
 * {@code notice.<KIND>} with {0} the actor's name and {1}, {2}, … the notification's args (see NoticeKind).
 * Immediate emails and digests both use it.
 */
@Component
class NoticeText {

    private final MessageSource messages;

    NoticeText(MessageSource messages) {
        this.messages = messages;
    }

    String line(NoticeKind kind, String actorName, List<String> args, Locale locale) {
        List<Object> values = new ArrayList<>();
        values.add(actorName == null ? "" : actorName);
        values.addAll(args);
        return messages.getMessage("notice." + kind.name(), values.toArray(), locale);
    }
}
