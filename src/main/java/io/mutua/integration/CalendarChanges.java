package io.mutua.integration;

import io.mutua.plans.PlanActivity;
import io.mutua.plans.PlanChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each step, and each plan's key dates, last changed: the LAST-MODIFIED of calendar events. Kept from the
 * activity the plans module announces, within the transaction of the change itself, so it is never ahead of or
 * behind the data.
 */
@Component
class CalendarChanges {

    private final JdbcClient jdbc;

    CalendarChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PlanActivity activity) {
        UUID item = activity.stepId() != null ? activity.stepId()
                : activity.change() == PlanChange.DETAILS ? activity.planId()
                : null;
        if (item == null) {
            return;
        }
        jdbc.sql("insert into calendar_item_change (item_id, plan_id, changed_at) values (:item, :plan, :at) "
                        + "on conflict (item_id) do update set changed_at = greatest(calendar_item_change.changed_at, "
                        + "excluded.changed_at)")
                .param("item", item)
                .param("plan", activity.planId())
                .param("at", Timestamp.from(activity.at()))
                .update();
    }

    /** The last change of every item of a plan that changed since changes are kept: steps, and the plan itself. */
    Map<UUID, Instant> of(UUID planId) {
        Map<UUID, Instant> changes = new HashMap<>();
        jdbc.sql("select item_id, changed_at from calendar_item_change where plan_id = :plan")
                .param("plan", planId)
                .query(rs -> {
                    changes.put(rs.getObject("item_id", UUID.class), rs.getTimestamp("changed_at").toInstant());
                });
        return changes;
    }
}
