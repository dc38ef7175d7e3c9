package io.mutua.deals;

import io.mutua.web.NavLink;
import io.mutua.web.Paths;
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
        return new NavLink("nav.pipeline", Paths.ADMIN + "/pipeline", 70, "ADMIN");
    }
}
