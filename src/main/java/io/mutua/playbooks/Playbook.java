package io.mutua.playbooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A playbook's settings and which content version is current; the content lives in playbook_version. */
@Table("playbook")
class Playbook {

    @Id
    private final UUID id;
    private String name;
    private String description;
    private String segment;
    private BigDecimal minAmount;
    private BigDecimal maxAmount;
    private int priority;
    private boolean isDefault;
    private boolean archived;
    private int currentVersion;
    private PlaybookPurpose purpose;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Playbook(UUID id, String name, String description, String segment, BigDecimal minAmount, BigDecimal maxAmount,
            int priority, boolean isDefault, boolean archived, int currentVersion, PlaybookPurpose purpose,
            Instant createdAt, Instant updatedAt, Long version) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.segment = segment;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.priority = priority;
        this.isDefault = isDefault;
        this.archived = archived;
        this.currentVersion = currentVersion;
        this.purpose = purpose == null ? PlaybookPurpose.CLOSING : purpose;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Playbook create(PlaybookSettings settings, Instant now) {
        Playbook playbook = new Playbook(UUID.randomUUID(), null, null, null, null, null, 0, false, false, 1,
                PlaybookPurpose.CLOSING, now, now, null);
        playbook.apply(settings, now);
        return playbook;
    }

    void apply(PlaybookSettings settings, Instant now) {
        this.name = settings.name();
        this.description = settings.description();
        this.segment = settings.segment();
        this.minAmount = settings.minAmount();
        this.maxAmount = settings.maxAmount();
        this.priority = settings.priority();
        this.isDefault = settings.isDefault();
        this.updatedAt = now;
    }

    PlaybookPurpose purpose() {
        return purpose;
    }

    void purpose(PlaybookPurpose purpose, Instant now) {
        this.purpose = purpose;
        this.updatedAt = now;
    }

    void nextVersion(Instant now) {
        this.currentVersion++;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void archive(boolean archived, Instant now) {
        this.archived = archived;
        this.updatedAt = now;
    }

    void notDefault() {
        this.isDefault = false;
    }

    PlaybookSettings settings() {
        return new PlaybookSettings(name, description, segment, minAmount, maxAmount, priority, isDefault);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean isDefault() {
        return isDefault;
    }

    boolean archived() {
        return archived;
    }

    int priority() {
        return priority;
    }

    int currentVersion() {
        return currentVersion;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
