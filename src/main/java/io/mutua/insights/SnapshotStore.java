package io.mutua.insights;

import io.mutua.deals.DealId;
import io.mutua.deals.Outcome;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Table deal_snapshot: written once per deal (the database refuses updates and deletes), read as stored. */
@Component
class SnapshotStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SnapshotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(DealId dealId) {
        return jdbc.sql("select exists (select 1 from deal_snapshot where deal_id = :deal)")
                .param("deal", dealId.value()).query(Boolean.class).single();
    }

    void insertIfMissing(DealSnapshot snapshot) {
        jdbc.sql("insert into deal_snapshot (deal_id, plan_id, outcome, taken_at, content) "
                        + "values (:deal, :plan, :outcome, :at, cast(:content as jsonb)) "
                        + "on conflict (deal_id) do nothing")
                .param("deal", snapshot.dealId().value())
                .param("plan", snapshot.planId())
                .param("outcome", snapshot.outcome().name())
                .param("at", Timestamp.from(snapshot.takenAt()))
                .param("content", JSON.writeValueAsString(snapshot.content()))
                .update();
    }

    /** The stored JSON content, exactly as written. */
    Optional<String> json(DealId dealId) {
        return jdbc.sql("select content::text from deal_snapshot where deal_id = :deal")
                .param("deal", dealId.value()).query(String.class).optional();
    }

    Optional<DealSnapshot> find(DealId dealId) {
        return jdbc.sql("select deal_id, plan_id, outcome, taken_at, content::text as content from deal_snapshot "
                        + "where deal_id = :deal")
                .param("deal", dealId.value())
                .query((rs, n) -> new DealSnapshot(new DealId(rs.getObject("deal_id", UUID.class)),
                        rs.getObject("plan_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                        rs.getTimestamp("taken_at").toInstant(),
                        JSON.readValue(rs.getString("content"), SnapshotContent.class)))
                .optional();
    }
}
