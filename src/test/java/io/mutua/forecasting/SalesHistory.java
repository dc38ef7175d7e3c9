package io.mutua.forecasting;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a hand-made sales history straight into the database: deals that went through a stage on chosen days
 * and plan steps done on chosen days, each at ten in the morning of the team's time zone. Everything it wrote
 * goes again with {@link #removeAll()}.
 */
final class SalesHistory {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final UUID owner;
    private final List<UUID> deals = new ArrayList<>();

    SalesHistory(JdbcClient jdbc, ZoneId zone, UUID owner) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.owner = owner;
    }

    /** A plan to hang done steps on. */
    record PlanRef(UUID planId, UUID milestoneId) {
    }

    /**
     * A Monday some eight weeks or more ago from which {@code weeks} weeks hold no holiday, so that business days
     * in them are simply Monday to Friday.
     */
    static LocalDate quietMonday(List<LocalDate> holidays, LocalDate today, int weeks) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(8);
        while (true) {
            LocalDate start = monday;
            if (holidays.stream().noneMatch(day -> !day.isBefore(start) && day.isBefore(start.plusWeeks(weeks)))) {
                return monday;
            }
            monday = monday.minusWeeks(weeks + 1);
        }
    }

    Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(zone).toInstant();
    }

    /** A deal that entered {@code stage} on {@code entered}, and was won on {@code left}. */
    UUID wonDeal(String stage, LocalDate entered, LocalDate left) {
        UUID deal = deal("won", "WON", at(entered), at(left));
        history(deal, null, stage, entered);
        history(deal, stage, "won", left);
        return deal;
    }

    /** A deal that went through {@code stage} from {@code entered} to {@code left} and is still open. */
    UUID openDeal(String stage, LocalDate entered, LocalDate left) {
        UUID deal = deal("prospecting", "OPEN", at(entered), null);
        history(deal, null, stage, entered);
        history(deal, stage, "prospecting", left);
        return deal;
    }

    /** An open deal with an active closing plan of one milestone and no steps yet. */
    PlanRef plan() {
        UUID deal = deal("prospecting", "OPEN", Instant.now(), null);
        UUID plan = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        jdbc.sql("insert into plan (id, deal_id, kind, status, edited, generated_at, updated_at, version) "
                        + "values (:id, :deal, 'CLOSING', 'ACTIVE', false, now(), now(), 0)")
                .param("id", plan).param("deal", deal).update();
        jdbc.sql("insert into plan_milestone (id, plan_id, position, title, version) "
                        + "values (:id, :plan, 0, 'History', 0)")
                .param("id", milestone).param("plan", plan).update();
        return new PlanRef(plan, milestone);
    }

    /** A step with this playbook key, started on {@code started} and done on {@code completed}. */
    void doneStep(PlanRef plan, String key, LocalDate started, LocalDate completed) {
        step(plan, key, "DONE", at(started), at(completed));
    }

    /** A step with this playbook key, started and not done. */
    void startedStep(PlanRef plan, String key, LocalDate started) {
        step(plan, key, "IN_PROGRESS", at(started), null);
    }

    void removeAll() {
        if (deals.isEmpty()) {
            return;
        }
        jdbc.sql("delete from plan where deal_id in (:deals)").param("deals", deals).update();
        jdbc.sql("delete from deal_stage_history where deal_id in (:deals)").param("deals", deals).update();
        jdbc.sql("delete from deal where id in (:deals)").param("deals", deals).update();
        deals.clear();
    }

    private UUID deal(String stage, String status, Instant created, Instant closed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into deal (id, name, account, owner_id, stage_key, status, closed_at, created_at, "
                        + "updated_at, version) values (:id, :name, 'History Ltd', :owner, :stage, :status, :closed, "
                        + ":created, :created, 0)")
                .param("id", id).param("name", "History " + id.toString().substring(0, 8)).param("owner", owner)
                .param("stage", stage).param("status", status)
                .param("closed", closed == null ? null : Timestamp.from(closed))
                .param("created", Timestamp.from(created))
                .update();
        deals.add(id);
        return id;
    }

    private void history(UUID deal, String from, String to, LocalDate day) {
        jdbc.sql("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at, actor_id) "
                        + "values (:deal, :from, :to, :at, :owner)")
                .param("deal", deal).param("from", from).param("to", to).param("at", Timestamp.from(at(day)))
                .param("owner", owner).update();
    }

    private void step(PlanRef plan, String key, String status, Instant started, Instant completed) {
        LocalDate day = LocalDate.ofInstant(started, zone);
        jdbc.sql("insert into plan_step (id, plan_id, milestone_id, position, key, title, side, visibility, "
                        + "duration_days, estimate_source, estimate_samples, status, baseline_date, target_date, "
                        + "pinned, started_at, completed_at, version) values (:id, :plan, :milestone, 0, :key, "
                        + ":key, 'SELLER', 'INTERNAL', 1, 'PLAYBOOK_DEFAULT', 0, :status, :day, :day, false, "
                        + ":started, :completed, 0)")
                .param("id", UUID.randomUUID()).param("plan", plan.planId()).param("milestone", plan.milestoneId())
                .param("key", key).param("status", status).param("day", day)
                .param("started", Timestamp.from(started))
                .param("completed", completed == null ? null : Timestamp.from(completed))
                .update();
    }
}
