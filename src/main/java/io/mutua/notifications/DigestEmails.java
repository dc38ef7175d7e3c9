package io.mutua.notifications;

import io.mutua.mail.Mail;
import io.mutua.web.Languages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one person's digest: HTML (inline CSS, no images) and plain text, in their language (a seller's own, a
 * buyer's the language of the plan with the most important news), grouped by plan under its account's name in the
 * order given (most important first). Sellers get a link to each plan page; buyers a fresh sign-in link at the top
 * and each plan's address, which opens once they are signed in.
 */
@Component
class DigestEmails {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final MessageSource messages;
    private final NoticeText text;
    private final Unsubscribes unsubscribes;
    private final String baseUrl;

    DigestEmails(MessageSource messages, NoticeText text, Unsubscribes unsubscribes,
            @Value("${mutua.base-url}") String baseUrl) {
        this.messages = messages;
        this.text = text;
        this.unsubscribes = unsubscribes;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** One waiting notification with what the digest shows of it. */
    record Item(UUID id, UUID planId, String account, String planLanguage, String userLocale, boolean buyer,
            NoticeKind kind, List<String> args, String actorName, Instant createdAt, UUID userId, UUID participantId,
            UUID dealId) {

        static Item read(ResultSet rs, int row) throws SQLException {
            return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getBoolean(6), NoticeKind.valueOf(rs.getString(7)),
                    JSON.readValue(rs.getString(8), STRINGS), rs.getString(9), rs.getTimestamp(10).toInstant(),
                    rs.getObject(11, UUID.class), rs.getObject(12, UUID.class), rs.getObject(13, UUID.class));
        }

        Recipient recipient(String email) {
            return new Recipient(email, userId, participantId, buyer ? planLanguage : userLocale);
        }
    }

    private record Group(UUID planId, UUID dealId, String heading, List<String> lines) {
    }

    Mail compose(String email, LocalDate day, List<Item> items) {
        Item first = items.get(0);
        boolean buyer = items.stream().noneMatch(item -> !item.buyer());
        Locale locale = Languages.supported(buyer ? first.planLanguage() : first.userLocale()).orElse(Locale.ENGLISH);
        List<Group> groups = group(items, locale);
        Unsubscribes.Link unsubscribe = unsubscribes.issue(email, null);
        String settings = baseUrl + (buyer ? BuyerNotificationSettingsController.PATH
                : NotificationSettingsController.PATH);
        String subject = message("digest.subject", locale, items.size());
        Mail mail = new Mail(email, subject, text(groups, buyer, settings, unsubscribe.url(), locale),
                html(groups, buyer, settings, unsubscribe.url(), locale), "digest", "digest:" + email + ":" + day,
                unsubscribe.headers(), null);
        return buyer ? mail.withSignInLinkTo(first.planId()) : mail;
    }

    private List<Group> group(List<Item> items, Locale locale) {
        Map<UUID, Group> groups = new LinkedHashMap<>();
        String general = message("digest.general", locale);
        for (Item item : items) {
            Group group = groups.computeIfAbsent(item.planId(), id -> new Group(id, item.dealId(),
                    item.account() == null ? general : item.account(), new ArrayList<>()));
            group.lines().add(text.line(item.kind(), item.actorName(), item.args(), locale));
        }
        return List.copyOf(groups.values());
    }

    private String planUrl(Group group, boolean buyer) {
        if (group.planId() == null) {
            return null;
        }
        return baseUrl + (buyer ? "/b/plans/" + group.planId() : "/deals/" + group.dealId() + "/plan");
    }

    private String text(List<Group> groups, boolean buyer, String settings, String unsubscribe, Locale locale) {
        StringBuilder out = new StringBuilder(message("digest.intro", locale)).append("\n\n");
        if (buyer) {
            out.append(message("digest.signIn", locale)).append(": ").append(Mail.LINK).append("\n\n");
        }
        for (Group group : groups) {
            out.append(group.heading()).append('\n');
            for (String line : group.lines()) {
                out.append("- ").append(line).append('\n');
            }
            String url = planUrl(group, buyer);
            if (url != null) {
                out.append(message("digest.openPlan", locale)).append(": ").append(url).append('\n');
            }
            out.append('\n');
        }
        out.append("-- \n").append(message("digest.why", locale)).append('\n')
                .append(message("digest.settings", locale)).append(": ").append(settings).append('\n')
                .append(message("digest.unsubscribe", locale)).append(": ").append(unsubscribe).append('\n');
        return out.toString();
    }

    private String html(List<Group> groups, boolean buyer, String settings, String unsubscribe, Locale locale) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(message("digest.title", locale)))
                .append("</title></head><body style=\"margin:0;padding:24px;background:#f5f6f8;"
                        + "font-family:Arial,Helvetica,sans-serif;color:#1f2933;\">")
                .append("<div style=\"max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #d9dee5;"
                        + "border-radius:6px;padding:24px;\">")
                .append("<h1 style=\"font-size:20px;margin:0 0 8px;\">").append(escape(message("digest.title", locale)))
                .append("</h1><p style=\"margin:0 0 16px;color:#52606d;\">")
                .append(escape(message("digest.intro", locale))).append("</p>");
        if (buyer) {
            out.append("<p style=\"margin:0 0 16px;\"><a href=\"").append(Mail.LINK)
                    .append("\" style=\"display:inline-block;background:#2457c5;color:#ffffff;padding:10px 16px;"
                            + "border-radius:4px;text-decoration:none;\">")
                    .append(escape(message("digest.signIn", locale))).append("</a></p>");
        }
        for (Group group : groups) {
            out.append("<h2 style=\"font-size:16px;margin:20px 0 6px;border-bottom:1px solid #d9dee5;"
                    + "padding-bottom:4px;\">").append(escape(group.heading())).append("</h2><ul style=\"margin:0;"
                    + "padding-left:20px;\">");
            for (String line : group.lines()) {
                out.append("<li style=\"margin:4px 0;\">").append(escape(line)).append("</li>");
            }
            out.append("</ul>");
            String url = planUrl(group, buyer);
            if (url != null) {
                out.append("<p style=\"margin:6px 0 0;\"><a href=\"").append(escape(url))
                        .append("\" style=\"color:#2457c5;\">").append(escape(message("digest.openPlan", locale)))
                        .append("</a></p>");
            }
        }
        out.append("<p style=\"margin:24px 0 0;font-size:12px;color:#7b8794;\">")
                .append(escape(message("digest.why", locale))).append(" <a href=\"").append(escape(settings))
                .append("\" style=\"color:#52606d;\">").append(escape(message("digest.settings", locale)))
                .append("</a> · <a href=\"").append(escape(unsubscribe)).append("\" style=\"color:#52606d;\">")
                .append(escape(message("digest.unsubscribe", locale))).append("</a></p></div></body></html>");
        return out.toString();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
