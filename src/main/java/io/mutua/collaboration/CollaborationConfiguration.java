package io.mutua.collaboration;

import io.mutua.web.NavLink;
import io.mutua.web.Paths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CollaborationConfiguration {

    /** The buyers' only navigation: their portal. */
    @Bean
    NavLink buyerPortalNavLink() {
        return new NavLink("nav.myPlans", Paths.BUYER, 10, BuyerPrincipal.ROLE);
    }
}
