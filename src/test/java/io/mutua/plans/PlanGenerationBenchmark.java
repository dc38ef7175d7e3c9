package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealId;
import io.mutua.playbooks.MilestoneTemplate;
import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.PlaybookContent;
import io.mutua.playbooks.PlaybookSettings;
import io.mutua.playbooks.Playbooks;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.StepTemplate;
import io.mutua.playbooks.Visibility;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of behaviour (run by bench/plans.sh, never by ./mvnw verify): generates closing plans of
 * 15 steps for many deals through Mutua, and inserts the same rows with plain JDBC batches, in the same run.
 */
@IntegrationTest
@TestPropertySource(properties = "mutua.statistics.max-age=PT10M")
class PlanGenerationBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PlanGenerationBenchmark.class);
    private static final int STEPS = 15;
    private static final int BATCH = 500;

    @Autowired
    TestData data;
    @Autowired
    Playbooks playbooks;
    @Autowired
    PlanGenerator generator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void generatePlans() throws IOException {
        int deals = Integer.getInteger("bench.deals", 10_000);
        TestData.Seller owner = data.user("REP", null);
        String segment = "Bench-" + TestData.unique();
        playbooks.create(new PlaybookSettings("Bench " + segment, null, segment, null, null, 0, false),
                fifteenSteps(), null);

        List<UUID> throughMutua = insertDeals(deals, owner.id(), segment);
        List<UUID> throughJdbc = insertDeals(deals, owner.id(), segment);

        Instant start = Instant.now();
        for (UUID deal : throughMutua) {
            generator.generateIfMissing(new DealId(deal), null);
        }
        Duration mutua = Duration.between(start, Instant.now());

        start = Instant.now();
        for (int from = 0; from < deals; from += BATCH) {
            List<UUID> chunk = throughJdbc.subList(from, Math.min(deals, from + BATCH));
            transaction.executeWithoutResult(status -> insertPlainly(chunk, owner.id()));
        }
        Duration plain = Duration.between(start, Instant.now());

        assertThat(count("select count(*) from plan p join deal d on d.id = p.deal_id where d.segment = ?", segment))
                .isEqualTo(2L * deals);
        assertThat(count("select count(*) from plan_step s join plan p on p.id = s.plan_id join deal d "
                + "on d.id = p.deal_id where d.segment = ?", segment)).isEqualTo(2L * deals * STEPS);

        String report = String.format("""
                plan generation, %d deals x %d steps, %d cores, %s
                  Mutua (select playbook, learned estimates, schedule, save, activity): %6.1f s  %7.0f plans/s
                  plain JDBC batch insert of the same rows (%d plans per batch):        %6.1f s  %7.0f plans/s
                """, deals, STEPS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                seconds(mutua), deals / seconds(mutua), BATCH, seconds(plain), deals / seconds(plain));
        log.warn("\n{}", report);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("plan-generation.txt"), report);
    }

    private List<UUID> insertDeals(int count, UUID owner, String segment) {
        List<UUID> ids = new ArrayList<>();
        List<Object[]> deals = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            deals.add(new Object[] {id, "Bench deal " + i, "Bench account", new BigDecimal("50000.00"), "EUR", owner,
                    "discovery", Date.valueOf(LocalDate.now().plusMonths(3)), segment, now, now});
            history.add(new Object[] {id, "discovery", now, owner});
        }
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into deal (id, name, account, amount, currency, owner_id, stage_key, status, "
                    + "expected_close_date, segment, created_at, updated_at, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)", deals);
            jdbc.batchUpdate("insert into deal_stage_history (deal_id, to_stage, changed_at, actor_id) "
                    + "values (?, ?, ?, ?)", history);
        });
        return ids;
    }

    /** The rows a generated plan consists of, written with JDBC batches and nothing else. */
    private void insertPlainly(List<UUID> deals, UUID owner) {
        Timestamp now = Timestamp.from(Instant.now());
        Date target = Date.valueOf(LocalDate.now().plusWeeks(2));
        List<Object[]> plans = new ArrayList<>();
        List<Object[]> milestones = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> owners = new ArrayList<>();
        List<Object[]> dependencies = new ArrayList<>();
        List<Object[]> activity = new ArrayList<>();
        for (UUID deal : deals) {
            UUID plan = UUID.randomUUID();
            plans.add(new Object[] {plan, deal, now, now});
            UUID previous = null;
            UUID milestone = null;
            for (int i = 0; i < STEPS; i++) {
                if (i % 3 == 0) {
                    milestone = UUID.randomUUID();
                    milestones.add(new Object[] {milestone, plan, i / 3, "Milestone " + i / 3});
                }
                UUID step = UUID.randomUUID();
                steps.add(new Object[] {step, plan, milestone, i % 3, "step-" + i, "Step " + i, "discovery", 3,
                        target, target});
                owners.add(new Object[] {step, owner});
                if (previous != null) {
                    dependencies.add(new Object[] {step, previous});
                }
                previous = step;
            }
            activity.add(new Object[] {plan, now});
        }
        jdbc.batchUpdate("insert into plan (id, deal_id, kind, status, edited, generated_at, updated_at, version) "
                + "values (?, ?, 'CLOSING', 'ACTIVE', false, ?, ?, 0)", plans);
        jdbc.batchUpdate("insert into plan_milestone (id, plan_id, position, title, version) values (?, ?, ?, ?, 0)",
                milestones);
        jdbc.batchUpdate("insert into plan_step (id, plan_id, milestone_id, position, key, title, side, visibility, "
                + "stage_key, duration_days, estimate_source, estimate_samples, status, baseline_date, target_date, "
                + "pinned, version) values (?, ?, ?, ?, ?, ?, 'SELLER', 'SHARED', ?, ?, 'PLAYBOOK_DEFAULT', 0, "
                + "'NOT_STARTED', ?, ?, false, 0)", steps);
        jdbc.batchUpdate("insert into plan_step_owner (plan_step, position, user_id) values (?, 0, ?)", owners);
        jdbc.batchUpdate("insert into plan_step_dependency (plan_step, depends_on) values (?, ?)", dependencies);
        jdbc.batchUpdate("insert into plan_activity (plan_id, action, at) values (?, 'GENERATED', ?)", activity);
    }

    private static PlaybookContent fifteenSteps() {
        List<MilestoneTemplate> milestones = new ArrayList<>();
        String previous = null;
        for (int m = 0; m < STEPS / 3; m++) {
            List<StepTemplate> steps = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                String key = "bench-step-" + (m * 3 + s);
                Set<String> dependsOn = previous == null ? Set.of() : new LinkedHashSet<>(List.of(previous));
                steps.add(new StepTemplate(key, "Step " + key, "", Side.SELLER, OwnerRole.ACCOUNT_EXECUTIVE,
                        Visibility.SHARED, "discovery", 3, List.copyOf(dependsOn)));
                previous = key;
            }
            milestones.add(new MilestoneTemplate("Milestone " + m, steps));
        }
        return new PlaybookContent(milestones);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
