package io.mutua.collaboration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Magic links: 256 random bits, of which only a SHA-256 hash is stored; each link works once and for 14 days.
 * Using one is a single conditional update, so two clicks can never both succeed.
 */
@Component
class MagicLinks {

    static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Purpose { SIGN_IN, JOIN }

    /** A used link: who it was for, the plan it opens (null for the portal) and why it was sent. */
    record Use(String email, UUID planId, Purpose purpose) {
    }

    /** What the link page may say about a link before it is used. */
    enum State { VALID, USED, EXPIRED, UNKNOWN }

    private final JdbcClient jdbc;
    private final Clock clock;

    MagicLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link for {@code email}; returns the token, which exists nowhere else once sent. */
    String issue(String email, UUID planId, Purpose purpose) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("insert into magic_link (token_hash, email, plan_id, purpose, created_at, expires_at) "
                        + "values (:hash, :email, :plan, :purpose, :now, :expires)")
                .param("hash", hash(token))
                .param("email", email.trim().toLowerCase(Locale.ROOT))
                .param("plan", planId)
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        return token;
    }

    State state(String token) {
        if (!wellFormed(token)) {
            return State.UNKNOWN;
        }
        return jdbc.sql("select used_at, expires_at from magic_link where token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> rs.getTimestamp("used_at") != null ? State.USED
                        : rs.getTimestamp("expires_at").toInstant().isBefore(clock.instant()) ? State.EXPIRED
                        : State.VALID)
                .optional()
                .orElse(State.UNKNOWN);
    }

    /** The email a link was sent to, whatever its state; for offering a fresh link. */
    Optional<String> emailOf(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select email from magic_link where token_hash = :hash").param("hash", hash(token))
                .query(String.class).optional();
    }

    /** The plan a link opens, whatever its state; for showing its pages in the plan's language. */
    Optional<UUID> planOf(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select plan_id from magic_link where token_hash = :hash and plan_id is not null")
                .param("hash", hash(token))
                .query((rs, n) -> rs.getObject("plan_id", UUID.class))
                .optional();
    }

    /** Uses a link once: empty when it is unknown, used or expired. */
    Optional<Use> use(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("update magic_link set used_at = :now where token_hash = :hash and used_at is null "
                        + "and expires_at > :now returning email, plan_id, purpose")
                .param("now", Timestamp.from(now))
                .param("hash", hash(token))
                .query((rs, n) -> new Use(rs.getString("email"), rs.getObject("plan_id", UUID.class),
                        Purpose.valueOf(rs.getString("purpose"))))
                .optional();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() >= 40 && token.length() <= 60 && token.matches("[A-Za-z0-9_-]+");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
