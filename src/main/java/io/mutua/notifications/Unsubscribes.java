package io.mutua.notifications;

import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click unsubscribe. Every notification email gets its own random 256-bit token, kept only as its SHA-256, so a
 * leaked database gives no working link and no link can be guessed. A token's scope is one plan or (for emails
 * about several plans, like the digest) everything. Unsubscribing turns notification emails off; invitations and
 * sign-in links are not notifications and still go.
 */
@Component
class Unsubscribes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final Clock clock;
    private final String baseUrl;

    Unsubscribes(JdbcClient jdbc, Preferences preferences, Clock clock, @Value("${mutua.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The address of the unsubscribe page and the RFC 8058 headers for one email to {@code email}. */
    record Link(String url, Map<String, String> headers) {
    }

    /** A token in scope {@code planId} (null: every notification) for one email. */
    @Transactional
    Link issue(String email, UUID planId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into unsubscribe_token (token_hash, email, plan_id, created_at) "
                        + "values (:hash, :email, :plan, :now)")
                .param("hash", hash(token))
                .param("email", email.trim().toLowerCase())
                .param("plan", planId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        String url = baseUrl + Paths.UNSUBSCRIBE + "/" + token;
        return new Link(url, Map.of("List-Unsubscribe", "<" + url + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    /** What a token unsubscribes from: an email and a plan with its account name, or every plan (null). */
    record Scope(String email, UUID planId, String account) {
    }

    Scope scope(String token) {
        return jdbc.sql("select t.email, t.plan_id, d.account from unsubscribe_token t "
                        + "left join plan p on p.id = t.plan_id left join deal d on d.id = p.deal_id "
                        + "where t.token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> new Scope(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new NotFoundException("unsubscribe.notFound"));
    }

    /** Unsubscribes from the token's plan when {@code planOnly} and it has one, else from everything. */
    @Transactional
    Scope unsubscribe(String token, boolean planOnly) {
        Scope scope = scope(token);
        preferences.unsubscribe(scope.email(), planOnly ? scope.planId() : null);
        jdbc.sql("update unsubscribe_token set used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(clock.instant())).param("hash", hash(token)).update();
        return scope;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
