package io.mutua.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** For automated installs: MUTUA_ADMIN_EMAIL and MUTUA_ADMIN_PASSWORD create the first admin at start-up. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SetupService setup;
    private final String email;
    private final String password;

    AdminBootstrap(SetupService setup, @Value("${mutua.admin.email}") String email,
            @Value("${mutua.admin.password}") String password) {
        this.setup = setup;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(email) || !setup.setupRequired()) {
            return;
        }
        if (!email.contains("@") || password == null || password.length() < PasswordRules.MIN_LENGTH) {
            throw new IllegalStateException("MUTUA_ADMIN_EMAIL must be an email address and MUTUA_ADMIN_PASSWORD "
                    + "at least " + PasswordRules.MIN_LENGTH + " characters long");
        }
        setup.createFirstAdmin(email, "Administrator", password, null, false);
        log.warn("Created the first admin {} from MUTUA_ADMIN_EMAIL", email);
    }
}
