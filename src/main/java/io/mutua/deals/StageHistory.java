package io.mutua.deals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to the deal stage history; rows are never changed or removed. */
@Component
class StageHistory {

    private final JdbcClient jdbc;

    StageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID dealId, String from, String to, Instant at, UUID actorId) {
        jdbc.sql("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at, actor_id) "
                        + "values (:deal, :from, :to, :at, :actor)")
                .param("deal", dealId)
                .param("from", from)
                .param("to", to)
                .param("at", Timestamp.from(at))
                .param("actor", actorId)
                .update();
    }
}
