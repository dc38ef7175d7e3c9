package io.mutua.deals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stage history of closed deals, for learning how long stages really take. */
@Service
@Transactional(readOnly = true)
public class DealHistory {

    private final JdbcClient jdbc;

    DealHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When each deal first entered a stage, for the deals that ever did. */
    public Map<DealId, Instant> firstEntered(String stageKey) {
        Map<DealId, Instant> entered = new LinkedHashMap<>();
        jdbc.sql("select deal_id, min(changed_at) as entered from deal_stage_history where to_stage = :stage "
                        + "group by deal_id order by min(changed_at)")
                .param("stage", stageKey)
                .query(rs -> {
                    entered.put(new DealId(rs.getObject("deal_id", UUID.class)), rs.getTimestamp("entered").toInstant());
                });
        return entered;
    }

    /** Every open-stage stay of the deals closed since {@code closedSince}, oldest deal first. */
    public List<StageStay> staysOfDealsClosedSince(Instant closedSince) {
        record Change(UUID deal, String stage, Instant at) {
        }
        List<Change> changes = jdbc.sql("select h.deal_id, h.to_stage, h.changed_at from deal_stage_history h "
                        + "join deal d on d.id = h.deal_id where d.status <> 'OPEN' and d.closed_at >= :since "
                        + "order by d.closed_at, h.deal_id, h.changed_at, h.id")
                .param("since", Timestamp.from(closedSince))
                .query((rs, n) -> new Change(rs.getObject("deal_id", UUID.class), rs.getString("to_stage"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
        List<StageStay> stays = new ArrayList<>();
        for (int i = 0; i + 1 < changes.size(); i++) {
            Change change = changes.get(i);
            Change next = changes.get(i + 1);
            if (change.deal().equals(next.deal())) {
                stays.add(new StageStay(new DealId(change.deal()), change.stage(), change.at(), next.at()));
            }
        }
        return stays;
    }
}
