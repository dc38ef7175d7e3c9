package io.mutua.forecasting.crm;

import io.mutua.identity.Role;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import io.mutua.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRM imports kept in table crm_import: the uploaded files, the mapping, progress and outcome. Only managers and
 * admins import; an import is visible to the person who uploaded it and to admins, to nobody else (not found).
 */
@Component
class CrmImports {

    static final int RECENT = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, created_by, created_at, file_name, history_name, mapping, status, "
            + "total_rows, processed_rows, outcome, failure, finished_at, version, octet_length(file) > 0 as kept";

    private final JdbcClient jdbc;
    private final Clock clock;

    CrmImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static boolean mayImport(Viewer viewer) {
        return viewer.is(Role.ADMIN) || viewer.is(Role.MANAGER);
    }

    static void requireImporter(Viewer viewer) {
        if (!mayImport(viewer)) {
            throw new ForbiddenException("crmImport.forbidden");
        }
    }

    UUID create(Viewer viewer, SheetFile deals, SheetFile history, int rows) {
        requireImporter(viewer);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into crm_import (id, created_by, created_at, file_name, file, history_name, history, status, "
                        + "total_rows, version) values (:id, :by, :now, :name, :file, :historyName, :history, "
                        + "'UPLOADED', :rows, 0)")
                .param("id", id)
                .param("by", viewer.userId())
                .param("now", Timestamp.from(clock.instant()))
                .param("name", deals.name())
                .param("file", deals.bytes())
                .param("historyName", history == null ? null : history.name())
                .param("history", history == null ? null : history.bytes())
                .param("rows", rows)
                .update();
        return id;
    }

    /** The import, if this viewer may see it; otherwise not found, as if it did not exist. */
    ImportRecord get(Viewer viewer, UUID id) {
        requireImporter(viewer);
        return jdbc.sql("select " + COLUMNS + " from crm_import where id = :id").param("id", id)
                .query(CrmImports::record).optional()
                .filter(found -> found.createdBy().equals(viewer.userId()) || viewer.is(Role.ADMIN))
                .orElseThrow(() -> new NotFoundException("crmImport.notFound"));
    }

    List<ImportRecord> recent(Viewer viewer) {
        return jdbc.sql("select " + COLUMNS + " from crm_import where created_by = :by "
                        + "order by created_at desc limit " + RECENT)
                .param("by", viewer.userId())
                .query(CrmImports::record).list();
    }

    SheetFile deals(UUID id) {
        return jdbc.sql("select file_name, file from crm_import where id = :id").param("id", id)
                .query((rs, n) -> new SheetFile(rs.getString(1), rs.getBytes(2))).single();
    }

    Optional<SheetFile> history(UUID id) {
        return jdbc.sql("select history_name, history from crm_import where id = :id and history is not null")
                .param("id", id)
                .query((rs, n) -> new SheetFile(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** Keeps the mapping unless someone saved another since {@code version} or the import is running. */
    boolean saveMapping(UUID id, CrmMapping mapping, long version) {
        return jdbc.sql("update crm_import set mapping = cast(:mapping as jsonb), version = version + 1 "
                        + "where id = :id and version = :version and status <> 'RUNNING'")
                .param("mapping", JSON.writeValueAsString(mapping))
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    /**
     * Marks the import running when it is still as the viewer saw it: a second click (or a second node) finds the
     * version moved on and starts nothing.
     */
    boolean markRunning(UUID id, long version) {
        return jdbc.sql("update crm_import set status = 'RUNNING', started_at = :now, processed_rows = 0, "
                        + "outcome = null, failure = null, finished_at = null, version = version + 1 "
                        + "where id = :id and version = :version and status <> 'RUNNING' and mapping is not null "
                        + "and octet_length(file) > 0")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    void progress(UUID id, int processed, int total) {
        jdbc.sql("update crm_import set processed_rows = :processed, total_rows = :total "
                        + "where id = :id and status = 'RUNNING'")
                .param("processed", processed)
                .param("total", total)
                .param("id", id)
                .update();
    }

    void done(UUID id, ImportOutcome outcome) {
        jdbc.sql("update crm_import set status = 'DONE', outcome = cast(:outcome as jsonb), finished_at = :now, "
                        + "processed_rows = greatest(processed_rows, total_rows), version = version + 1 "
                        + "where id = :id and status = 'RUNNING'")
                .param("outcome", JSON.writeValueAsString(outcome))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    void failed(UUID id) {
        jdbc.sql("update crm_import set status = 'FAILED', failure = 'ERROR', finished_at = :now, "
                        + "version = version + 1 where id = :id and status = 'RUNNING'")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Imports that have been running longer than {@code limit}: their node died. */
    int failStale(Duration limit) {
        Instant now = clock.instant();
        return jdbc.sql("update crm_import set status = 'FAILED', failure = 'INTERRUPTED', finished_at = :now, "
                        + "version = version + 1 where status = 'RUNNING' and started_at < :before")
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(limit)))
                .update();
    }

    /** Drops the files of imports done before {@code age}: their outcome stays. */
    int deleteFilesOlderThan(Duration age) {
        return jdbc.sql("update crm_import set file = ''::bytea, history = null "
                        + "where status = 'DONE' and finished_at < :before and octet_length(file) > 0")
                .param("before", Timestamp.from(clock.instant().minus(age)))
                .update();
    }

    private static ImportRecord record(ResultSet rs, int row) throws SQLException {
        String mapping = rs.getString("mapping");
        String outcome = rs.getString("outcome");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRecord(rs.getObject("id", UUID.class), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("file_name"), rs.getString("history_name"),
                mapping == null ? null : JSON.readValue(mapping, CrmMapping.class),
                ImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                outcome == null ? null : JSON.readValue(outcome, ImportOutcome.class), rs.getString("failure"),
                finished == null ? null : finished.toInstant(), rs.getLong("version"), rs.getBoolean("kept"));
    }
}
