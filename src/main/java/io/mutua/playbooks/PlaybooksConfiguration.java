package io.mutua.playbooks;

import io.mutua.identity.Role;
import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlaybooksConfiguration {

    @Bean
    NavLink playbooksNavLink() {
        return new NavLink("nav.playbooks", PlaybookAdminController.PATH, 60, Role.ADMIN.name());
    }
}
