package io.mutua.plans;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("holiday")
class Holiday {

    @Id
    private final LocalDate day;
    private String name;
    @Version
    private Long version;

    @PersistenceCreator
    Holiday(LocalDate day, String name, Long version) {
        this.day = day;
        this.name = name;
        this.version = version;
    }

    static Holiday of(LocalDate day, String name) {
        return new Holiday(day, name, null);
    }

    LocalDate day() {
        return day;
    }

    String name() {
        return name;
    }
}
