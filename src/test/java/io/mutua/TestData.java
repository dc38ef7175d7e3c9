package io.mutua;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Builds what a test needs straight in the database. Tests share the database, so every name it makes is
 * unique; only {@link #wipe()} removes other tests' data, for tests that need a brand-new installation.
 */
@Component
public class TestData {

    public static final String PASSWORD = "correct horse battery";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private String passwordHash;

    TestData(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public record Seller(UUID id, String email, String name, String role) {
    }

    /** A unique suffix for names and emails. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID team(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into team (id, name, created_at, version) values (:id, :name, :now, 0)")
                .param("id", id).param("name", name + " " + unique()).param("now", Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /** An active user with {@link #PASSWORD}; role is ADMIN, MANAGER, REP or CS. */
    public Seller user(String role, UUID teamId) {
        UUID id = UUID.randomUUID();
        String name = role.charAt(0) + role.substring(1).toLowerCase() + " " + unique();
        String email = name.toLowerCase().replace(' ', '.') + "@test.mutua.io";
        jdbc.sql("insert into app_user (id, email, name, password_hash, role, team_id, active, created_at, version) "
                        + "values (:id, :email, :name, :hash, :role, :team, true, :now, 0)")
                .param("id", id).param("email", email).param("name", name).param("hash", passwordHash())
                .param("role", role).param("team", teamId).param("now", Timestamp.from(Instant.now()))
                .update();
        return new Seller(id, email, name, role);
    }

    /**
     * Removes every user, deal and session: the installation looks brand new. Work the application still does in the
     * background (forecasts, listeners) may hold locks the truncation needs and make PostgreSQL pick it as a deadlock
     * victim, so it is tried again.
     */
    public void wipe() {
        Awaitility.await("wipe").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreException(PessimisticLockingFailureException.class)
                .until(() -> jdbc.sql("truncate deal_stage_history, deal, api_token, login_failure, app_user, team, "
                        + "spring_session, spring_session_attributes, event_publication cascade").update() >= 0);
    }

    private String passwordHash() {
        if (passwordHash == null) {
            passwordHash = passwords.encode(PASSWORD);
        }
        return passwordHash;
    }
}
