package io.mutua.mail;

import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail queue's place in the admin navigation. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    NavLink mailQueueNavLink() {
        return new NavLink("nav.mailQueue", MailAdminController.PATH, 90, "ADMIN");
    }
}
