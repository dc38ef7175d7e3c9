package io.mutua.identity;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("team")
class Team {

    @Id
    private final UUID id;
    private String name;
    private final Instant createdAt;
    @Version
    private Long version;

    @PersistenceCreator
    Team(UUID id, String name, Instant createdAt, Long version) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Team create(String name, Instant now) {
        return new Team(UUID.randomUUID(), name.trim(), now, null);
    }

    void rename(String name) {
        this.name = name.trim();
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
