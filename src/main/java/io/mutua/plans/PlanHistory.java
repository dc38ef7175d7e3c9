package io.mutua.plans;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What finished plan steps teach: how long each playbook step really took. */
@Service
@Transactional(readOnly = true)
public class PlanHistory {

    private final JdbcClient jdbc;

    PlanHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Steps with a playbook key that were done since {@code since}. */
    public List<CompletedStep> completedSince(Instant since) {
        return jdbc.sql("select key, started_at, completed_at from plan_step where status = 'DONE' "
                        + "and key is not null and started_at is not null and completed_at >= :since")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new CompletedStep(rs.getString("key"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at").toInstant()))
                .list();
    }
}
