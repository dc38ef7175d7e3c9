package io.mutua.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the embedded SMTP server received, newest first. */
class DevMailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final GreenMail server;

    DevMailbox(GreenMail server) {
        this.server = server;
    }

    List<DevMail> all() {
        MimeMessage[] messages = server.getReceivedMessages();
        List<DevMail> mails = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            mails.add(read(i + 1, messages[i]));
        }
        return mails;
    }

    private static DevMail read(int number, MimeMessage message) {
        try {
            String text = GreenMailUtil.getBody(message);
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            return new DevMail(number, addresses(message.getFrom()), addresses(message.getAllRecipients()),
                    message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    text, links);
        } catch (MessagingException e) {
            return new DevMail(number, "", "", "", null, "", List.of());
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
