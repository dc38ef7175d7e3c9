package io.mutua.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mutua.web.NavLink;
import java.io.IOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Zero-setup mail: when no {@code spring.mail.host} is configured, an SMTP server runs inside Mutua and keeps
 * what is sent for the Dev mailbox page. Nothing leaves the machine.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailConfiguration.NoExternalMailHost.class)
class EmbeddedMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

    /** Port 0 picks a free port once, so that the server comes back on the same port if it is restarted. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${mutua.embedded-mail.port}") int port) throws IOException {
        return new GreenMail(ServerSetup.SMTP.port(port == 0 ? freePort() : port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        log.warn("""

                ************************************************************************
                  MAIL: EMBEDDED SMTP server on 127.0.0.1:{} - nothing is delivered.
                  Read what Mutua sends on the Dev mailbox page ({}).
                  For production set SPRING_MAIL_HOST (and SPRING_MAIL_*) to your relay.
                ************************************************************************""",
                server.getSmtp().getPort(), DevMailboxController.PATH);
        return sender;
    }

    @Bean
    DevMailbox devMailbox(GreenMail server) {
        return new DevMailbox(server);
    }

    @Bean
    NavLink devMailboxNavLink() {
        return new NavLink("nav.devMailbox", DevMailboxController.PATH, 95, null);
    }

    static class NoExternalMailHost implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
        }
    }
}
