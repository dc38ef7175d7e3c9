package io.mutua.collaboration;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the buyer side of plans last did anything: a change in the plan, a comment or a visit by a buyer
 * participant. For system work such as the forecast (one query per few thousand plans); never shown to buyers.
 */
@Component
public class BuyerEngagement {

    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    BuyerEngagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest buyer activity of each of the given plans; plans the buyers never touched are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> lastBuyerActivity(Collection<UUID> planIds) {
        Map<UUID, Instant> latest = new HashMap<>();
        List<UUID> ids = List.copyOf(planIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("select plan_id, max(at) as at from ("
                            + "select a.plan_id, a.at from plan_activity a join participant p "
                            + "on p.id = a.actor_participant_id where p.side = 'BUYER' and a.plan_id in (:ids) "
                            + "union all select c.plan_id, c.created_at from comment c join participant p "
                            + "on p.id = c.author_participant_id where p.side = 'BUYER' and c.plan_id in (:ids) "
                            + "union all select v.plan_id, v.at from plan_visit v join participant p "
                            + "on p.id = v.participant_id where p.side = 'BUYER' and v.plan_id in (:ids)"
                            + ") buyer group by plan_id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(rs -> {
                        latest.put(rs.getObject("plan_id", UUID.class), rs.getTimestamp("at").toInstant());
                    });
        }
        return latest;
    }

    /** How many changes buyers made to a plan (steps, sections, signatures: everything its activity log records). */
    @Transactional(readOnly = true)
    public int buyerChanges(UUID planId) {
        return jdbc.sql("select count(*) from plan_activity a join participant p on p.id = a.actor_participant_id "
                        + "where p.side = 'BUYER' and a.plan_id = :plan")
                .param("plan", planId)
                .query(Integer.class)
                .single();
    }
}
