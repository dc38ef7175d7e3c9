package io.mutua.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
class User {

    @Id
    private final UUID id;
    private String email;
    private String name;
    private String passwordHash;
    private Role role;
    private UUID teamId;
    private boolean active;
    private String locale;
    private final Instant createdAt;
    /** Someone who owns imported deals but has no login; never active, until an admin creates their account. */
    private boolean namedOnly;
    @Version
    private Long version;

    @PersistenceCreator
    User(UUID id, String email, String name, String passwordHash, Role role, UUID teamId, boolean active,
            String locale, Instant createdAt, boolean namedOnly, Long version) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role;
        this.teamId = teamId;
        this.active = active;
        this.locale = locale;
        this.createdAt = createdAt;
        this.namedOnly = namedOnly;
        this.version = version;
    }

    static User create(String email, String name, String passwordHash, Role role, UUID teamId, Instant now) {
        return new User(UUID.randomUUID(), normalize(email), name.trim(), passwordHash, role, teamId, true, null,
                now, false, null);
    }

    /** A named owner: a REP without a team who can never sign in ({@code unusableHash} matches no password). */
    static User namedOwner(String email, String name, String unusableHash, Instant now) {
        return new User(UUID.randomUUID(), normalize(email), name.trim(), unusableHash, Role.REP, null, false, null,
                now, true, null);
    }

    /** A named owner becomes a real user, keeping its id so that the deals it owns stay attached. */
    void claim(String name, String passwordHash, Role role, UUID teamId) {
        update(name, role, teamId);
        this.passwordHash = passwordHash;
        this.active = true;
        this.namedOnly = false;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void update(String name, Role role, UUID teamId) {
        this.name = name.trim();
        this.role = role;
        this.teamId = teamId;
    }

    void rename(String name) {
        this.name = name.trim();
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void activate() {
        this.active = true;
    }

    void deactivate() {
        this.active = false;
    }

    void preferLocale(Locale locale) {
        this.locale = locale.toLanguageTag();
    }

    UserSummary summary() {
        return new UserSummary(id, email, name, role, teamId, active);
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    UUID teamId() {
        return teamId;
    }

    boolean active() {
        return active;
    }

    boolean namedOnly() {
        return namedOnly;
    }

    String locale() {
        return locale;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
