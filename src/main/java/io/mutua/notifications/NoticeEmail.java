package io.mutua.notifications;

/**
 * One notification email, every text already in the reader's language: {@code place} names the plan, {@code step}
 * (may be null) the step and its date, {@code action} labels the {@code link}; {@code unsubscribe} labels
 * {@code unsubscribeUrl}, the one-click way out of these emails. The HTML comes from the template
 * mail/notice.jte, the plain text from {@link #text()}.
 */
public record NoticeEmail(String language, String subject, String place, String greeting, String line, String step,
        String action, String link, String footer, String unsubscribe, String unsubscribeUrl) {

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n").append(line).append("\n\n").append(place).append('\n');
        if (step != null) {
            text.append(step).append('\n');
        }
        text.append('\n').append(action).append(": ").append(link).append("\n\n-- \n").append(footer).append('\n')
                .append(unsubscribe).append(": ").append(unsubscribeUrl).append('\n');
        return text.toString();
    }
}
