package io.mutua.identity;

import io.mutua.web.ApiTokenAuthenticator;
import io.mutua.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: 256 random bits, shown once, stored only as a SHA-256 hash. A token acts with its
 * owner's current rights and dies with a revoke or with the owner's deactivation.
 */
@Service
class ApiTokens implements ApiTokenAuthenticator {

    static final String PREFIX = "mutua_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserRepository users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** Creates a token and returns its only plain-text copy. */
    @Transactional
    String create(UUID userId, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into api_token (id, user_id, name, token_hash, created_at) "
                        + "values (:id, :user, :name, :hash, :now)")
                .param("id", UUID.randomUUID())
                .param("user", userId)
                .param("name", name.trim())
                .param("hash", hash(token))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    @Transactional(readOnly = true)
    List<ApiTokenView> live(UUID userId) {
        return jdbc.sql("select id, name, created_at, last_used_at from api_token "
                        + "where user_id = :user and revoked_at is null order by created_at desc")
                .param("user", userId)
                .query((rs, row) -> new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    @Transactional
    void revoke(UUID userId, UUID tokenId) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now "
                        + "where id = :id and user_id = :user and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", tokenId)
                .param("user", userId)
                .update();
        if (revoked == 0) {
            throw new NotFoundException("error.tokenNotFound");
        }
    }

    @Transactional
    void revokeAll(UUID userId) {
        jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("user", userId)
                .update();
    }

    @Override
    @Transactional
    public Optional<Authentication> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<UUID> owner = jdbc.sql("update api_token set last_used_at = :now "
                        + "where token_hash = :hash and revoked_at is null returning user_id")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", hash(token))
                .query(UUID.class)
                .optional();
        return owner.flatMap(users::findById)
                .filter(User::active)
                .map(user -> SellerPrincipal.of(user, false))
                .map(principal -> {
                    principal.eraseCredentials();
                    return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                            principal.getAuthorities());
                });
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
