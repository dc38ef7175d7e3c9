package io.mutua.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Pauses sign-in for an email after repeated wrong passwords. Failures are kept in PostgreSQL, so the
 * limit holds across restarts and across nodes.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${mutua.login.max-failures}") int maxFailures,
            @Value("${mutua.login.lock-minutes}") int lockMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = Duration.ofMinutes(lockMinutes);
    }

    boolean isLocked(String email) {
        Integer failures = jdbc.sql("select count(*) from login_failure where lower(email) = lower(:email) "
                        + "and failed_at > :since")
                .param("email", email)
                .param("since", since())
                .query(Integer.class)
                .single();
        return failures >= maxFailures;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String email = event.getAuthentication().getName();
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        jdbc.sql("delete from login_failure where failed_at <= :since").param("since", since()).update();
        jdbc.sql("insert into login_failure (email, failed_at) values (:email, :now)")
                .param("email", email.trim())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from login_failure where lower(email) = lower(:email)")
                .param("email", event.getAuthentication().getName())
                .update();
    }

    private Timestamp since() {
        return Timestamp.from(clock.instant().minus(window));
    }
}
