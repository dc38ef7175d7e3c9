package io.mutua.insights;

import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

    /** Managers analyse their team's closed deals, admins everyone's. */
    @Bean
    NavLink winLossNavLink() {
        return new NavLink("nav.winLoss", WinLossController.PATH, 52, "ADMIN,MANAGER");
    }

    @Bean
    NavLink handoffsNavLink() {
        return new NavLink("nav.handoffs", HandoffController.PATH, 40, "CS,MANAGER,ADMIN");
    }

    @Bean
    NavLink handoffSettingsNavLink() {
        return new NavLink("nav.handoffSettings", HandoffSettingsController.PATH, 74, "ADMIN");
    }
}
