package io.mutua.deals;

import io.mutua.identity.Role;
import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DealsConfiguration {

    @Bean
    NavLink dealsNavLink() {
        return new NavLink("nav.deals", DealController.PATH, 10, null);
    }

    @Bean
    NavLink pipelineNavLink() {
        return new NavLink("nav.pipeline", PipelineAdminController.PATH, 70, Role.ADMIN.name());
    }

    @Bean
    NavLink qualificationNavLink() {
        return new NavLink("nav.qualification", QualificationAdminController.PATH, 72, Role.ADMIN.name());
    }

    @Bean
    NavLink closeReasonsNavLink() {
        return new NavLink("nav.closeReasons", CloseReasonAdminController.PATH, 73, Role.ADMIN.name());
    }
}
