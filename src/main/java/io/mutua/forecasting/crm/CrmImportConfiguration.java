package io.mutua.forecasting.crm;

import io.mutua.identity.Role;
import io.mutua.web.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CrmImportConfiguration {

    /** Managers and admins import CRM history; a link for each, as a link names one role. */
    @Bean
    NavLink crmImportManagerNavLink() {
        return new NavLink("nav.crmImport", CrmImportController.PATH, 55, Role.MANAGER.name());
    }

    @Bean
    NavLink crmImportAdminNavLink() {
        return new NavLink("nav.crmImport", CrmImportController.PATH, 55, Role.ADMIN.name());
    }
}
