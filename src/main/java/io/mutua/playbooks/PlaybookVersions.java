package io.mutua.playbooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The content of each playbook version, stored as JSON. */
@Component
class PlaybookVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlaybookVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Stored(int number, PlaybookContent content, boolean frozen, Instant createdAt) {
    }

    void insert(UUID playbookId, int number, PlaybookContent content, Instant now, UUID actor) {
        jdbc.sql("insert into playbook_version (playbook_id, number, content, frozen, created_at, created_by) "
                        + "values (:playbook, :number, cast(:content as jsonb), false, :now, :actor)")
                .param("playbook", playbookId)
                .param("number", number)
                .param("content", json.writeValueAsString(content))
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .update();
    }

    void replace(UUID playbookId, int number, PlaybookContent content) {
        int updated = jdbc.sql("update playbook_version set content = cast(:content as jsonb) "
                        + "where playbook_id = :playbook and number = :number and not frozen")
                .param("content", json.writeValueAsString(content))
                .param("playbook", playbookId)
                .param("number", number)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Version " + number + " of playbook " + playbookId + " is frozen");
        }
    }

    Optional<Stored> find(UUID playbookId, int number) {
        return jdbc.sql("select number, content::text as content, frozen, created_at from playbook_version "
                        + "where playbook_id = :playbook and number = :number")
                .param("playbook", playbookId)
                .param("number", number)
                .query((rs, n) -> new Stored(rs.getInt("number"),
                        json.readValue(rs.getString("content"), PlaybookContent.class), rs.getBoolean("frozen"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Freezes a version: from now on an edit of the playbook writes a new version instead. */
    void freeze(UUID playbookId, int number) {
        jdbc.sql("update playbook_version set frozen = true where playbook_id = :playbook and number = :number "
                        + "and not frozen")
                .param("playbook", playbookId)
                .param("number", number)
                .update();
    }

    List<PlaybookVersionView> list(UUID playbookId) {
        return jdbc.sql("select number, frozen, created_at, (select count(*) from "
                        + "jsonb_array_elements(content -> 'milestones') as m, jsonb_array_elements(m -> 'steps') as s) "
                        + "as steps from playbook_version where playbook_id = :playbook order by number desc")
                .param("playbook", playbookId)
                .query((rs, n) -> new PlaybookVersionView(rs.getInt("number"), rs.getBoolean("frozen"),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("steps")))
                .list();
    }

    List<Integer> numbers(UUID playbookId) {
        return jdbc.sql("select number from playbook_version where playbook_id = :playbook order by number desc")
                .param("playbook", playbookId)
                .query(Integer.class)
                .list();
    }
}
