package io.mutua;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up, loudly, which PostgreSQL server Mutua is talking to. */
@Component
class DatabaseReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);
    private final DataSource dataSource;

    DatabaseReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            log.warn("Mutua is using {} {} at {} as user {}", meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(), meta.getURL(), meta.getUserName());
        }
    }
}
