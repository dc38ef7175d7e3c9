import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds the forecast benchmark with set-based SQL straight into the database Mutua uses (not through the API):
 * 100 reps in 10 teams (one of them the sample team, so its manager sees a tenth), 100,000 deals of which 20,000
 * are open with a sales plan of 10–15 playbook steps (some done, one in progress, some overdue) and their
 * dependencies, their stage history, qualification, a buyer on each mutual plan and three earlier predictions each.
 * It writes no forecast ({@code deal_health}) and removes any Mutua kept, so that Mutua computes every open deal's
 * forecast when it starts next. Prints how long each part took.
 *
 * <p>Run with the PostgreSQL driver on the class path: {@code java -cp postgresql.jar bench/ForecastSeed.java URL},
 * and {@code … URL --await LAUNCHED READY LOG} (when Mutua was launched and when it answered, in epoch milliseconds;
 * LOG its log) to wait until every open deal has a forecast: polls twice a second, then prints the time it took and
 * the forecasts by health, source and reason; stops when the log says the computation failed.
 */
public class ForecastSeed {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (args.length > 4 && args[1].equals("--await")) {
            awaitForecast(url, Long.parseLong(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
            return;
        }
        int deals = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int open = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("teams and reps", """
                insert into team (id, name, created_at, version)
                select md5('bench-team-' || k)::uuid, 'Bench team ' || k, now(), 0 from generate_series(1, 9) k;
                create temp table bench_team as
                    select k, md5('bench-team-' || k)::uuid as id from generate_series(1, 9) k
                    union all select 0, (select team_id from app_user where email = 'eleni.manager@example.com');
                insert into app_user (id, email, name, password_hash, role, team_id, active, created_at, version)
                select md5('bench-rep-' || k)::uuid, 'bench.rep' || k || '@example.org', 'Bench Rep ' || k,
                       (select password_hash from app_user where email = 'bench@example.org'), 'REP',
                       (select id from bench_team where bench_team.k = r.k % 10), true, now(), 0
                from generate_series(0, 99) as r (k);
                """);
        steps.put("deals", """
                create temp table bench_open as
                    select n, n % 5 as i, (n / 5) % 10 as h, 10 + (n / 7) % 6 as c,
                           (n % 5 * (8 + (n / 7) % 6)) / 4 + (n / 50) % 2 as d
                    from generate_series(1, ${open}) n;
                insert into deal (id, name, account, amount, currency, owner_id, stage_key, status,
                                  expected_close_date, created_at, updated_at, version)
                select md5('bench-deal-' || n)::uuid, 'Bench deal ' || n, 'Account ' || (n % 5000),
                       (5000 + (n * 7919) % 200000)::numeric(15, 2),
                       case when n % 10 < 6 then 'EUR' when n % 10 < 9 then 'USD' else 'GBP' end,
                       md5('bench-rep-' || ((n / 10) % 100))::uuid,
                       (array['prospecting', 'discovery', 'solution', 'proposal', 'negotiation'])[1 + i], 'OPEN',
                       case when h = 6 and n % 2 = 0 then current_date - 10 - n % 20
                            when h = 6 then current_date + 5 + n % 10
                            else current_date + (5 - i) * 25 + 20 + (n * 37) % 240 end,
                       now() - make_interval(days => 30 + n % 700), now(), 0
                from bench_open;
                insert into deal (id, name, account, amount, currency, owner_id, stage_key, status,
                                  expected_close_date, close_reason, closed_at, created_at, updated_at, version)
                select md5('bench-deal-' || n)::uuid, 'Bench deal ' || n, 'Account ' || (n % 5000),
                       (5000 + (n * 7919) % 200000)::numeric(15, 2),
                       case when n % 10 < 6 then 'EUR' when n % 10 < 9 then 'USD' else 'GBP' end,
                       md5('bench-rep-' || ((n / 10) % 100))::uuid,
                       case when n % 3 = 0 then 'lost' else 'won' end, case when n % 3 = 0 then 'LOST' else 'WON' end,
                       current_date + ((n * 37) % 420 - 60), 'Bench', now() - make_interval(days => n % 700),
                       now() - make_interval(days => 30 + n % 700), now(), 0
                from generate_series(${open} + 1, ${deals}) n;
                """.replace("${deals}", String.valueOf(deals)).replace("${open}", String.valueOf(open)));
        steps.put("stage history", """
                insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at)
                select md5('bench-deal-' || n)::uuid, null,
                       case when n <= ${open} then (array['prospecting', 'discovery', 'solution', 'proposal', 'negotiation'])[1 + n % 5]
                            else 'prospecting' end,
                       now() - make_interval(days => 30 + n % 700)
                from generate_series(1, ${deals}) n;
                insert into deal_stage_history (deal_id, from_stage, to_stage, changed_at)
                select md5('bench-deal-' || n)::uuid, 'prospecting', case when n % 3 = 0 then 'lost' else 'won' end,
                       now() - make_interval(days => n % 700)
                from generate_series(${open} + 1, ${deals}) n;
                """.replace("${deals}", String.valueOf(deals)).replace("${open}", String.valueOf(open)));
        // A sales plan per open deal. Profiles by h (tenths): 0-4 meant to be on track (mutual and, at negotiation,
        // signed from the proposal stage on; buyer active; qualification confirmed), 5 a step a few days overdue,
        // 6 a close date that is near or passed, 7 buyer silent for a month and qualification missing, 8-9 a step
        // overdue by weeks. Everything else (plan end after the target, a closing plan at a late stage, ...) is left
        // to the computation.
        steps.put("plans, milestones", """
                insert into plan (id, deal_id, kind, status, edited, generated_at, updated_at, version, converted_at,
                                  target_signature)
                select md5('bench-plan-' || n)::uuid, md5('bench-deal-' || n)::uuid,
                       case when mutual then 'MUTUAL' else 'CLOSING' end,
                       case when h < 5 and i = 4 then 'SIGNED' else 'ACTIVE' end, false,
                       now() - interval '60 days', now(), 0,
                       case when not mutual then null
                            when h = 7 then now() - interval '30 days' else now() - interval '10 days' end,
                       case when not mutual then null
                            when h < 5 then current_date + (5 - i) * 25 + 20 + (n * 37) % 240
                            when h = 6 then current_date + 5 + n % 10
                            else current_date + 60 + n % 90 end
                from (select *, (h < 5 and i >= 3) or h = 7 or n % 4 = 0 as mutual from bench_open) o;
                insert into plan_milestone (id, plan_id, position, title, version)
                select md5('bench-ms-' || n || '-' || m)::uuid, md5('bench-plan-' || n)::uuid, m, 'Milestone ' || m, 0
                from bench_open, generate_series(1, 3) m;
                """);
        // The first 15 steps of the enterprise playbook (without three of its internal ones): real step keys, stages,
        // default durations and dependencies, so that learned estimates and the forward pass have work to do.
        steps.put("plan steps", """
                create temp table bench_step (s int, key text, stage text, days int, side text, deps int[]);
                insert into bench_step values
                    (1, 'discovery-call', 'discovery', 5, 'SELLER', '{}'),
                    (2, 'stakeholder-mapping', 'discovery', 5, 'BUYER', '{1}'),
                    (3, 'meddpicc-review', 'discovery', 2, 'SELLER', '{2}'),
                    (4, 'solution-demo', 'solution', 5, 'SELLER', '{3}'),
                    (5, 'success-criteria', 'solution', 5, 'BUYER', '{4}'),
                    (6, 'proof-of-concept', 'solution', 15, 'SELLER', '{5}'),
                    (7, 'technical-validation', 'solution', 3, 'BUYER', '{6}'),
                    (8, 'internal-pricing-approval', 'proposal', 3, 'SELLER', '{5}'),
                    (9, 'business-case', 'proposal', 8, 'SELLER', '{5}'),
                    (10, 'proposal', 'proposal', 3, 'SELLER', '{9,7,8}'),
                    (11, 'business-case-approval', 'proposal', 10, 'BUYER', '{10}'),
                    (12, 'security-review', 'negotiation', 15, 'BUYER', '{11}'),
                    (13, 'legal-review', 'negotiation', 10, 'BUYER', '{11}'),
                    (14, 'purchase-order', 'negotiation', 10, 'BUYER', '{11}'),
                    (15, 'signature', 'negotiation', 3, 'BUYER', '{12,13,14}');
                insert into plan_step (id, plan_id, milestone_id, position, key, title, side, visibility, stage_key,
                                       duration_days, estimate_source, estimate_samples, status, baseline_date,
                                       target_date, pinned, started_at, completed_at, version)
                select md5('bench-step-' || n || '-' || s)::uuid, md5('bench-plan-' || n)::uuid,
                       md5('bench-ms-' || n || '-' || (1 + (s - 1) / 5))::uuid, s, key, 'Step ' || s || ': ' || key,
                       side, case when side = 'BUYER' or s % 2 = 0 then 'SHARED' else 'INTERNAL' end, stage,
                       days, 'PLAYBOOK_DEFAULT', 0,
                       case when s <= d then 'DONE' when s = d + 1 then 'IN_PROGRESS' else 'NOT_STARTED' end,
                       target, target, false,
                       case when s <= d then now() - make_interval(days => (d - s + 1) * 6 + 2 + greatest(1, days + n % 5 - 2))
                            when s = d + 1 then now() - interval '2 days' end,
                       case when s <= d then now() - make_interval(days => (d - s + 1) * 6 + 2) end, 0
                from (select o.*, b.*,
                             case when s <= d then current_date - (d - s + 1) * 6 - 2
                                  when s = d + 1 and h = 5 then current_date - 4
                                  when s = d + 1 and h >= 8 then current_date - 15 - n % 20
                                  else current_date + (s - d) * 7 - 4 end as target
                      from bench_open o join bench_step b on b.s <= o.c) x;
                insert into plan_step_dependency (plan_step, depends_on)
                select md5('bench-step-' || n || '-' || s)::uuid, md5('bench-step-' || n || '-' || dep)::uuid
                from bench_open o join bench_step b on b.s <= o.c, unnest(b.deps) dep;
                """);
        steps.put("qualification, buyers", """
                insert into qualification (deal_id, element, status, updated_at, version)
                select md5('bench-deal-' || n)::uuid, element,
                       case when h = 7 then 'PARTIAL' else 'CONFIRMED' end, now() - interval '20 days', 0
                from bench_open, unnest(array['ECONOMIC_BUYER', 'CHAMPION']) element
                where h <> 7 or element = 'CHAMPION';
                insert into participant (id, plan_id, side, name, email, main_contact, invited_at, created_at, version)
                select md5('bench-buyer-' || n)::uuid, p.id, 'BUYER', 'Buyer ' || n, 'buyer' || n || '@example.net',
                       true, p.converted_at, p.converted_at, 0
                from bench_open join plan p on p.id = md5('bench-plan-' || n)::uuid and p.kind = 'MUTUAL';
                insert into plan_visit (plan_id, participant_id, at)
                select md5('bench-plan-' || n)::uuid, md5('bench-buyer-' || n)::uuid,
                       now() - make_interval(days => n % 9, hours => n % 24)
                from bench_open join participant b on b.id = md5('bench-buyer-' || n)::uuid
                where h <> 7;
                """);
        // Earlier predictions, as the daily run would have recorded them: before this month and during it, so that
        // "slipped most this month" compares today's computed one with them. No deal_health: Mutua computes it.
        steps.put("earlier predictions", """
                insert into deal_prediction (deal_id, recorded_on, predicted_close)
                select md5('bench-deal-' || n)::uuid, current_date - back,
                       current_date - back + (c - d) * 9 - n % spread
                from bench_open, (values (50, 25), (30, 15), (10, 5)) as p (back, spread);
                analyze;
                """);
        long total = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            for (Map.Entry<String, String> step : steps.entrySet()) {
                long start = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(step.getValue());
                }
                System.out.printf("  seed %-26s %7.1f s%n", step.getKey(), (System.nanoTime() - start) / 1e9);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet counts = statement.executeQuery("""
                            select (select count(*) from deal), (select count(*) from deal where status = 'OPEN'),
                                   (select count(*) from plan), (select count(*) from plan_step),
                                   (select count(*) from plan_step_dependency), (select count(*) from qualification),
                                   (select count(*) from participant where side = 'BUYER'),
                                   (select count(*) from deal_prediction where recorded_on < current_date)""")) {
                counts.next();
                System.out.printf("  seeded in %.1f s: %d deals (%d open), %d plans, %d steps, %d dependencies, "
                        + "%d qualification rows, %d buyers, %d earlier predictions%n",
                        (System.nanoTime() - total) / 1e9, counts.getLong(1), counts.getLong(2), counts.getLong(3),
                        counts.getLong(4), counts.getLong(5), counts.getLong(6), counts.getLong(7),
                        counts.getLong(8));
            }
            forgetForecasts(connection);
        }
    }

    /**
     * Removes every stored forecast, the sample data's too (Mutua computes a forecast only at start-up when none
     * exists; the start-up run recomputes every open deal, the sample's included), once Mutua has handled the events
     * of the sample data: an event still pending at the restart could store one deal's forecast first.
     */
    private static void forgetForecasts(Connection connection) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        try (Statement statement = connection.createStatement()) {
            while (count(statement, "select count(*) from event_publication where completion_date is null") > 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Mutua still has events of the sample data to handle");
                }
                Thread.sleep(500);
            }
            int removed = statement.executeUpdate("delete from deal_health");
            System.out.printf("  removed %d forecasts Mutua had computed for the sample data%n", removed);
        }
    }

    private static void awaitForecast(String url, long launched, long ready, Path log) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            long open = count(statement, "select count(*) from deal where status = 'OPEN'");
            long deadline = System.currentTimeMillis() + 30 * 60_000;
            while (count(statement, "select count(*) from deal_health") < open) {
                if (Files.readString(log).contains("The first forecast failed")) {
                    throw new IllegalStateException("the first forecast failed: see " + log);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no forecast of every open deal after 30 minutes");
                }
                Thread.sleep(500);
            }
            long now = System.currentTimeMillis();
            System.out.printf("  forecast of %d open deals (start-up / daily run)  all stored %.1f s after the launch, "
                    + "%.1f s after Mutua answered%n", open, (now - launched) / 1e3, (now - ready) / 1e3);
            print(statement, "by health", "select health, count(*) from deal_health group by 1 order by 1");
            print(statement, "by source", "select prediction_source, count(*) from deal_health group by 1 order by 1");
            print(statement, "reasons", """
                    select r ->> 'code', count(*) from deal_health, jsonb_array_elements(reasons) r
                    group by 1 order by 2 desc, 1""");
            print(statement, "slip vs rep's date", """
                    select case when slip_business_days is null then 'none' when slip_business_days <= 0 then 'on time'
                                when slip_business_days <= 10 then '1-10 days late' else '11+ days late' end,
                           count(*) from deal_health group by 1 order by 1""");
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void print(Statement statement, String title, String sql) throws Exception {
        StringBuilder line = new StringBuilder(String.format("    %-20s", title));
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                line.append(' ').append(result.getString(1)).append(' ').append(result.getLong(2)).append(',');
            }
        }
        line.setLength(line.length() - 1);
        System.out.println(line);
    }
}
