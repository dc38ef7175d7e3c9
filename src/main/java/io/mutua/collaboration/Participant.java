package io.mutua.collaboration;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Someone on one plan: a seller (a user) or a buyer contact (known by email only). */
@Table("participant")
class Participant {

    @Id
    private final UUID id;
    private final UUID planId;
    private final String side;
    private final UUID userId;
    private String name;
    private final String email;
    private String title;
    private BuyingRole buyingRole;
    private boolean mainContact;
    private Instant invitedAt;
    private Instant revokedAt;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Participant(UUID id, UUID planId, String side, UUID userId, String name, String email, String title,
            BuyingRole buyingRole, boolean mainContact, Instant invitedAt, Instant revokedAt, Instant createdAt,
            Long version) {
        this.id = id;
        this.planId = planId;
        this.side = side;
        this.userId = userId;
        this.name = name;
        this.email = email;
        this.title = title;
        this.buyingRole = buyingRole;
        this.mainContact = mainContact;
        this.invitedAt = invitedAt;
        this.revokedAt = revokedAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Participant buyer(UUID planId, String name, String email, String title, BuyingRole role, Instant now) {
        return new Participant(UUID.randomUUID(), planId, "BUYER", null, name, email.trim().toLowerCase(Locale.ROOT),
                title, role, false, null, null, now, null);
    }

    static Participant seller(UUID planId, UUID userId, String name, String email, String title, Instant now) {
        return new Participant(UUID.randomUUID(), planId, "SELLER", userId, name, email.trim().toLowerCase(Locale.ROOT),
                title, null, false, null, null, now, null);
    }

    void describe(String name, String title, BuyingRole role) {
        this.name = name;
        this.title = title;
        this.buyingRole = buyer() ? role : null;
    }

    void invited(Instant now) {
        this.invitedAt = now;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
        this.mainContact = false;
    }

    void restore() {
        this.revokedAt = null;
    }

    void mainContact(boolean mainContact) {
        this.mainContact = mainContact;
    }

    boolean buyer() {
        return "BUYER".equals(side);
    }

    boolean active() {
        return revokedAt == null;
    }

    ParticipantView view(Instant lastSeen, int visits) {
        return new ParticipantView(id, planId, side, userId, name, email, title, buyingRole, mainContact, invitedAt,
                revokedAt, lastSeen, visits, version());
    }

    UUID id() {
        return id;
    }

    UUID planId() {
        return planId;
    }

    String side() {
        return side;
    }

    UUID userId() {
        return userId;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    boolean isMainContact() {
        return mainContact;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
