package io.mutua.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Sends plain-text emails from the configured sender address. */
@Component
public class OutgoingMail {

    private static final Logger log = LoggerFactory.getLogger(OutgoingMail.class);

    private final JavaMailSender sender;
    private final String from;

    OutgoingMail(JavaMailSender sender, @Value("${mutua.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
        if (sender instanceof JavaMailSenderImpl smtp) {
            log.warn("Mutua sends email through SMTP at {}:{} as {}", smtp.getHost(), smtp.getPort(), from);
        }
    }

    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
