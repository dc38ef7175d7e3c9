package io.mutua.deals;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("stage")
class Stage {

    @Id
    private final String key;
    private String name;
    private int position;
    private int probability;
    private boolean triggersPlan;
    private final Outcome outcome;
    @Version
    private Long version;

    @PersistenceCreator
    Stage(String key, String name, int position, int probability, boolean triggersPlan, Outcome outcome,
            Long version) {
        this.key = key;
        this.name = name;
        this.position = position;
        this.probability = probability;
        this.triggersPlan = triggersPlan;
        this.outcome = outcome;
        this.version = version;
    }

    static Stage open(String key, String name, int position, int probability) {
        return new Stage(key, name, position, probability, false, null, null);
    }

    void update(String name, int probability) {
        this.name = name.trim();
        this.probability = probability;
    }

    void moveTo(int position) {
        this.position = position;
    }

    void triggerPlans(boolean triggers) {
        this.triggersPlan = triggers;
    }

    StageView view() {
        return new StageView(key, name, position, probability, triggersPlan, outcome, version());
    }

    String key() {
        return key;
    }

    int position() {
        return position;
    }

    boolean triggersPlan() {
        return triggersPlan;
    }

    Outcome outcome() {
        return outcome;
    }

    boolean isNew() {
        return version == null;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
