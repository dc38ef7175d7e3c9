package io.mutua.plans;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the milestones and steps of a newly generated plan in a handful of JDBC batches instead of one
 * statement per row: generation happens for every deal, often many at once (imports, sample data).
 */
@Component
class NewPlanRows {

    private final JdbcTemplate jdbc;

    NewPlanRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<PlanMilestone> milestones, List<PlanStep> steps) {
        jdbc.batchUpdate("insert into plan_milestone (id, plan_id, position, title, version) values (?, ?, ?, ?, 0)",
                milestones.stream().map(m -> new Object[] {m.id(), m.planId(), m.position(), m.title()}).toList());
        List<Object[]> stepRows = new ArrayList<>();
        List<Object[]> owners = new ArrayList<>();
        List<Object[]> dependencies = new ArrayList<>();
        for (PlanStep step : steps) {
            stepRows.add(new Object[] {step.id(), step.planId(), step.milestoneId(), step.position(), step.key(),
                    step.title(), step.description(), step.side().name(), step.ownerRole(), step.visibility().name(),
                    step.stageKey(), step.durationDays(), step.estimateSource().name(), step.estimateSamples(),
                    step.status().name(), Date.valueOf(step.baselineDate()), Date.valueOf(step.targetDate()),
                    step.pinned()});
            List<StepOwner> stepOwners = step.owners();
            for (int i = 0; i < stepOwners.size(); i++) {
                owners.add(new Object[] {step.id(), i, stepOwners.get(i).userId(), stepOwners.get(i).role()});
            }
            step.dependsOn().forEach(dependency -> dependencies.add(new Object[] {step.id(), dependency}));
        }
        jdbc.batchUpdate("insert into plan_step (id, plan_id, milestone_id, position, key, title, description, side, "
                + "owner_role, visibility, stage_key, duration_days, estimate_source, estimate_samples, status, "
                + "baseline_date, target_date, pinned, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", stepRows);
        jdbc.batchUpdate("insert into plan_step_owner (plan_step, position, user_id, role) values (?, ?, ?, ?)", owners);
        jdbc.batchUpdate("insert into plan_step_dependency (plan_step, depends_on) values (?, ?)", dependencies);
    }
}
