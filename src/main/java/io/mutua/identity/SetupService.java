package io.mutua.identity;

import io.mutua.web.ConflictException;
import io.mutua.web.SetupStatus;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** First run: creates the first admin, once, and optionally a sample team that others fill with sample work. */
@Service
class SetupService implements SetupStatus {

    private final UserRepository users;
    private final SampleTeam sampleTeam;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    SetupService(UserRepository users, SampleTeam sampleTeam, PasswordEncoder passwords,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.sampleTeam = sampleTeam;
        this.passwords = passwords;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean setupRequired() {
        return !users.anyExists();
    }

    /** Creates the first admin; fails if any user exists, even when two people submit the form at once. */
    @Transactional
    UUID createFirstAdmin(String email, String name, String password, Locale locale, boolean sampleData) {
        PasswordRules.check("password", password);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('mutua-first-admin'))").query().singleValue();
        if (users.anyExists()) {
            throw new ConflictException("setup.alreadyDone");
        }
        String hash = passwords.encode(password);
        User admin = User.create(email, name, hash, Role.ADMIN, null, clock.instant());
        if (locale != null) {
            admin.preferLocale(locale);
        }
        users.save(admin);
        UUID teamId = sampleData ? sampleTeam.create(admin, hash) : null;
        events.publishEvent(new SetupCompleted(admin.id(), teamId));
        return admin.id();
    }
}
