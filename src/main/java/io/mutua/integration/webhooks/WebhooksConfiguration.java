package io.mutua.integration.webhooks;

import io.mutua.identity.Role;
import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebhooksConfiguration {

    @Bean
    NavLink webhooksNavLink() {
        return new NavLink("nav.webhooks", WebhookAdminController.PATH, 78, Role.ADMIN.name());
    }
}
