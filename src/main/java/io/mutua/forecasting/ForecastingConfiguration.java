package io.mutua.forecasting;

import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForecastingConfiguration {

    /** Every signed-in seller, customer success included, may see how long the sales cycle takes. */
    @Bean
    NavLink salesCycleNavLink() {
        return new NavLink("nav.salesCycle", SalesCycleController.PATH, 50, null);
    }

    /** Managers and admins forecast their scope, reps their own deals; customer success has no forecast. */
    @Bean
    NavLink forecastNavLink() {
        return new NavLink("nav.forecast", ForecastController.PATH, 45, "ADMIN,MANAGER,REP");
    }
}
