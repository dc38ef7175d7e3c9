package io.mutua.notifications;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.mutua.mail.Mail;
import io.mutua.mail.OutgoingMail;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the email of a notification that is sent at once (HTML and plain text, in the reader's language) and
 * queues it in the transaction that recorded the notification. A seller's link opens the plan (at the step, when
 * there is one); a buyer's is a fresh sign-in link made when the email leaves, so no secret waits in the outbox.
 */
@Component
class NoticeMails {

    static final String TEMPLATE = "mail/notice.jte";
    private static final int SUBJECT_LINE = 120;

    private final OutgoingMail outbox;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final NoticeText text;
    private final JdbcClient jdbc;
    private final Unsubscribes unsubscribes;
    private final String baseUrl;

    NoticeMails(OutgoingMail outbox, TemplateEngine templates, MessageSource messages, NoticeText text,
            JdbcClient jdbc, Unsubscribes unsubscribes, @Value("${mutua.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.text = text;
        this.jdbc = jdbc;
        this.unsubscribes = unsubscribes;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Queues the email of notification {@code notificationId} and links the notification to it. */
    void queue(UUID notificationId, Notice notice, PlanAudience.Reader reader, PlanPeople.PlanFacts plan,
            PlanPeople.StepFacts step) {
        Unsubscribes.Link unsubscribe = unsubscribes.issue(reader.recipient().email(), plan.id());
        NoticeEmail email = write(notice, reader.name(), reader.locale(), plan, step, reader.buyer(),
                unsubscribe.url());
        String key = "notice:" + notificationId;
        Mail mail = new Mail(reader.recipient().email(), email.subject(), email.text(), html(email),
                "notice." + notice.kind().name(), key, unsubscribe.headers(), null);
        outbox.queue(reader.buyer() ? mail.withSignInLinkTo(plan.id()) : mail);
        jdbc.sql("update notification set mail_id = (select id from mail_outbox where dedupe_key = :key) "
                        + "where id = :id")
                .param("key", key)
                .param("id", notificationId)
                .update();
    }

    NoticeEmail write(Notice notice, String readerName, Locale locale, PlanPeople.PlanFacts plan,
            PlanPeople.StepFacts step, boolean buyer, String unsubscribeUrl) {
        String line = text.line(notice.kind(), notice.actorName(), notice.args(), locale);
        String subjectLine = line.length() <= SUBJECT_LINE ? line : line.substring(0, SUBJECT_LINE - 1) + "…";
        String stepLine = step == null ? null : messages.getMessage("mail.notice.step", new Object[] {step.title(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(step.targetDate())},
                locale);
        String link = buyer ? Mail.LINK
                : baseUrl + "/deals/" + plan.dealId() + "/plan" + (step == null ? "" : "#step-" + step.id());
        return new NoticeEmail(locale.getLanguage(),
                plan.account() + " · " + subjectLine,
                messages.getMessage("mail.notice.place", new Object[] {plan.account()}, locale),
                messages.getMessage("mail.notice.greeting", new Object[] {readerName}, locale),
                line, stepLine,
                messages.getMessage(step == null ? "mail.notice.openPlan" : "mail.notice.openStep", null, locale),
                link,
                messages.getMessage("mail.notice.footer", new Object[] {plan.account()}, locale),
                messages.getMessage("digest.unsubscribe", null, locale), unsubscribeUrl);
    }

    String html(NoticeEmail email) {
        StringOutput html = new StringOutput();
        templates.render(TEMPLATE, Map.of("email", email), html);
        return html.toString();
    }
}
