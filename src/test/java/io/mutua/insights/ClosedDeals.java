package io.mutua.insights;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes closed deals straight into the database, as they would stand long after their close: created and closed
 * on chosen days in the past (which the services, dating everything now, cannot do), with their stage history,
 * a closed sales plan with shared and internal playbook steps against baselines, buyer participants, the close
 * reason and the competitor. Each deal is also kept here as a plain description ({@link Made}) from which the tests
 * compute the figures they expect.
 */
final class ClosedDeals {

    /** A WON close reason and a LOST one of the admin's list (seeded by V15). */
    static final UUID BEST_FIT = UUID.fromString("5a1e0001-0000-4000-8000-000000000001");
    static final String BEST_FIT_LABEL = "Best fit for their needs";
    static final UUID PRICE = UUID.fromString("5a1e0002-0000-4000-8000-000000000001");
    static final String PRICE_LABEL = "Price";
    static final UUID NO_DECISION = UUID.fromString("5a1e0002-0000-4000-8000-000000000003");
    static final String NO_DECISION_LABEL = "No decision (status quo)";

    /** One playbook step of the plan: its baseline, and the day it was done (null: never). */
    record Step(String key, boolean shared, LocalDate baseline, LocalDate done) {
    }

    /** A deal as the test made it. */
    record Made(UUID id, UUID owner, UUID team, String segment, UUID playbook, boolean won, LocalDate created,
            LocalDate closed, String planKind, List<Step> steps, int buyers, List<String> stages, String reason,
            String competitor) {

        long sharedSteps() {
            return steps.stream().filter(Step::shared).count();
        }
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    final List<Made> made = new ArrayList<>();

    ClosedDeals(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    UUID playbook(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into playbook (id, name, priority, is_default, archived, current_version, created_at, "
                        + "updated_at, version) values (:id, :name, 100, false, false, 1, now(), now(), 0)")
                .param("id", id).param("name", name).update();
        return id;
    }

    /**
     * A closed deal. {@code planKind} is MUTUAL, CLOSING or null (no plan); {@code stages} the open stages it went
     * through in order; {@code buyers} active buyer participants (a revoked one is added too, which must not count).
     */
    Made close(UUID owner, UUID team, String segment, UUID playbook, boolean won, LocalDate created, LocalDate closed,
            String planKind, List<Step> steps, int buyers, List<String> stages, UUID reasonId, String reason,
            String competitor) {
        UUID deal = UUID.randomUUID();
        jdbc.sql("insert into deal (id, name, account, owner_id, stage_key, status, segment, close_reason_id, "
                        + "competitor, closed_at, created_at, updated_at, version) values (:id, :name, 'Closed Ltd', "
                        + ":owner, :stage, :status, :segment, :reason, :competitor, :closed, :created, :closed, 0)")
                .param("id", deal).param("name", "Closed " + deal.toString().substring(0, 8)).param("owner", owner)
                .param("stage", won ? "won" : "lost").param("status", won ? "WON" : "LOST")
                .param("segment", segment).param("reason", reasonId).param("competitor", competitor)
                .param("closed", at(closed)).param("created", at(created))
                .update();
        String previous = null;
        LocalDate day = created;
        for (String stage : stages) {
            history(deal, previous, stage, day);
            previous = stage;
            day = day.plusDays(1);
        }
        history(deal, previous, won ? "won" : "lost", closed);
        if (planKind != null) {
            plan(deal, planKind, playbook, steps, buyers, closed);
        }
        Made result = new Made(deal, owner, team, segment, playbook, won, created, closed, planKind,
                planKind == null ? List.of() : steps, planKind == null ? 0 : buyers, stages, reason, competitor);
        made.add(result);
        return result;
    }

    private void plan(UUID deal, String kind, UUID playbook, List<Step> steps, int buyers, LocalDate closed) {
        UUID plan = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        jdbc.sql("insert into plan (id, deal_id, kind, status, playbook_id, playbook_version, edited, generated_at, "
                        + "updated_at, version) values (:id, :deal, :kind, 'CLOSED', :playbook, 1, false, now(), now(), 0)")
                .param("id", plan).param("deal", deal).param("kind", kind).param("playbook", playbook).update();
        jdbc.sql("insert into plan_milestone (id, plan_id, position, title, version) values (:id, :plan, 0, 'M', 0)")
                .param("id", milestone).param("plan", plan).update();
        int position = 0;
        for (Step step : steps) {
            jdbc.sql("insert into plan_step (id, plan_id, milestone_id, position, key, title, side, visibility, "
                            + "duration_days, estimate_source, estimate_samples, status, baseline_date, target_date, "
                            + "pinned, started_at, completed_at, version) values (:id, :plan, :milestone, :position, "
                            + ":key, :key, 'SELLER', :visibility, 1, 'PLAYBOOK_DEFAULT', 0, :status, :baseline, "
                            + ":baseline, false, :started, :done, 0)")
                    .param("id", UUID.randomUUID()).param("plan", plan).param("milestone", milestone)
                    .param("position", position++).param("key", step.key())
                    .param("visibility", step.shared() ? "SHARED" : "INTERNAL")
                    .param("status", step.done() == null ? "IN_PROGRESS" : "DONE")
                    .param("baseline", step.baseline())
                    .param("started", at(step.baseline().minusDays(3)))
                    .param("done", step.done() == null ? null : at(step.done()))
                    .update();
        }
        for (int i = 0; i <= buyers; i++) {
            boolean revoked = i == buyers;
            jdbc.sql("insert into participant (id, plan_id, side, name, email, main_contact, revoked_at, created_at, "
                            + "version) values (:id, :plan, 'BUYER', 'Buyer', :email, false, :revoked, now(), 0)")
                    .param("id", UUID.randomUUID()).param("plan", plan)
                    .param("email", "buyer" + i + "-" + plan + "@buyer.example")
                    .param("revoked", revoked ? at(closed) : null)
                    .update();
        }
    }

    private void history(UUID deal, String from, String to, LocalDate day) {
        jdbc.sql("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at) "
                        + "values (:deal, :from, :to, :at)")
                .param("deal", deal).param("from", from).param("to", to).param("at", at(day)).update();
    }

    Timestamp at(LocalDate day) {
        return Timestamp.from(instant(day));
    }

    Instant instant(LocalDate day) {
        return day.atTime(10, 0).atZone(zone).toInstant();
    }
}
