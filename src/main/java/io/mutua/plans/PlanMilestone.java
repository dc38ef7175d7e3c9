package io.mutua.plans;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("plan_milestone")
class PlanMilestone {

    @Id
    private final UUID id;
    private final UUID planId;
    private int position;
    private String title;
    @Version
    private Long version;

    @PersistenceCreator
    PlanMilestone(UUID id, UUID planId, int position, String title, Long version) {
        this.id = id;
        this.planId = planId;
        this.position = position;
        this.title = title;
        this.version = version;
    }

    static PlanMilestone create(UUID planId, int position, String title) {
        return new PlanMilestone(UUID.randomUUID(), planId, position, title, null);
    }

    void rename(String title) {
        this.title = title;
    }

    void moveTo(int position) {
        this.position = position;
    }

    UUID id() {
        return id;
    }

    UUID planId() {
        return planId;
    }

    int position() {
        return position;
    }

    String title() {
        return title;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
