package io.mutua.plans;

import io.mutua.identity.Role;
import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    NavLink calendarNavLink() {
        return new NavLink("nav.calendar", HolidayAdminController.PATH, 75, Role.ADMIN.name());
    }
}
