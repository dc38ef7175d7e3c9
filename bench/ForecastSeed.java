import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds the forecast benchmark with set-based SQL straight into the database Mutua uses (not through the API):
 * 100 reps in 10 teams (one of them the sample team, so its manager sees a tenth), 100,000 deals of which 20,000
 * are open with an active plan of 10–15 steps and some dependencies, their stage history, a deal_health row per
 * open deal and three deal_prediction rows each. Prints how long each part took.
 *
 * <p>Run with the PostgreSQL driver on the class path: {@code java -cp postgresql.jar bench/ForecastSeed.java URL}.
 */
public class ForecastSeed {

    public static void main(String[] args) throws Exception {
        String url = args[0];
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
                insert into deal (id, name, account, amount, currency, owner_id, stage_key, status,
                                  expected_close_date, close_reason, closed_at, created_at, updated_at, version)
                select md5('bench-deal-' || n)::uuid, 'Bench deal ' || n, 'Account ' || (n % 5000),
                       (5000 + (n * 7919) % 200000)::numeric(15, 2),
                       case when n % 10 < 6 then 'EUR' when n % 10 < 9 then 'USD' else 'GBP' end,
                       md5('bench-rep-' || ((n / 10) % 100))::uuid,
                       case when n <= ${open} then (array['prospecting', 'discovery', 'solution', 'proposal', 'negotiation'])[1 + n % 5]
                            when n % 3 = 0 then 'lost' else 'won' end,
                       case when n <= ${open} then 'OPEN' when n % 3 = 0 then 'LOST' else 'WON' end,
                       current_date + ((n * 37) % 420 - 60),
                       case when n > ${open} then 'Bench' end,
                       case when n > ${open} then now() - make_interval(days => n % 700) end,
                       now() - make_interval(days => 30 + n % 700), now(), 0
                from generate_series(1, ${deals}) n;
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
        steps.put("plans, milestones", """
                insert into plan (id, deal_id, kind, status, edited, generated_at, updated_at, version, converted_at,
                                  target_signature)
                select md5('bench-plan-' || n)::uuid, md5('bench-deal-' || n)::uuid,
                       case when n % 4 = 0 then 'MUTUAL' else 'CLOSING' end, 'ACTIVE', false,
                       now() - interval '30 days', now(), 0, case when n % 4 = 0 then now() - interval '10 days' end,
                       case when n % 4 = 0 then current_date + 30 + n % 90 end
                from generate_series(1, ${deals}) n;
                insert into plan_milestone (id, plan_id, position, title, version)
                select md5('bench-ms-' || n || '-' || m)::uuid, md5('bench-plan-' || n)::uuid, m, 'Milestone ' || m, 0
                from generate_series(1, ${deals}) n, generate_series(1, 3) m;
                """.replace("${deals}", String.valueOf(open)));
        steps.put("plan steps", """
                insert into plan_step (id, plan_id, milestone_id, position, key, title, side, visibility,
                                       duration_days, estimate_source, estimate_samples, status, baseline_date,
                                       target_date, pinned, started_at, completed_at, version)
                select md5('bench-step-' || n || '-' || s)::uuid, md5('bench-plan-' || n)::uuid,
                       md5('bench-ms-' || n || '-' || (1 + (s - 1) / 5))::uuid, s, 'bench-step-' || s, 'Step ' || s,
                       case when s % 3 = 0 then 'BUYER' else 'SELLER' end,
                       case when s % 2 = 0 then 'SHARED' else 'INTERNAL' end,
                       1 + (n + s) % 10, 'PLAYBOOK_DEFAULT', 0,
                       case when s <= n % 5 then 'DONE' when s = n % 5 + 1 then 'IN_PROGRESS' else 'NOT_STARTED' end,
                       current_date - 30 + s * 5, current_date - 30 + s * 5 + n % 4, false,
                       case when s <= n % 5 + 1 then now() - make_interval(days => 40 - s * 5) end,
                       case when s <= n % 5 then now() - make_interval(days => 35 - s * 5) end, 0
                from generate_series(1, ${deals}) n, generate_series(1, 15) s
                where s <= 10 + n % 6;
                insert into plan_step_dependency (plan_step, depends_on)
                select md5('bench-step-' || n || '-' || s)::uuid, md5('bench-step-' || n || '-' || (s - 1))::uuid
                from generate_series(1, ${deals}) n, generate_series(2, 15) s
                where s <= 10 + n % 6 and s % 3 <> 1;
                """.replace("${deals}", String.valueOf(open)));
        steps.put("deal health, predictions", """
                insert into deal_health (deal_id, plan_id, health, reasons, predicted_close, prediction_source,
                                         expected_close, target_close, slip_business_days, target_slip_business_days,
                                         computed_at)
                select md5('bench-deal-' || n)::uuid, md5('bench-plan-' || n)::uuid,
                       case when n % 10 < 6 then 'ON_TRACK' when n % 10 < 9 then 'AT_RISK' else 'STALLED' end,
                       case when n % 10 < 6 then '[]'::jsonb
                            when n % 10 < 9 then '[{"code":"PREDICTED_AFTER_TARGET","severity":"AT_RISK","args":[4,"2027-01-15"]}]'::jsonb
                            else '[{"code":"STEPS_OVERDUE","severity":"STALLED","args":[2,"Security review",9]},{"code":"CLOSE_DATE_PASSED","severity":"AT_RISK","args":[]}]'::jsonb end,
                       greatest(current_date + 1 + n % 20, current_date + ((n * 37) % 420 - 60) + n % 30 - 5), 'PLAN',
                       current_date + ((n * 37) % 420 - 60),
                       case when n % 4 = 0 then current_date + 30 + n % 90 end,
                       ((greatest(current_date + 1 + n % 20, current_date + ((n * 37) % 420 - 60) + n % 30 - 5)
                         - (current_date + ((n * 37) % 420 - 60))) * 5) / 7, null, now()
                from generate_series(1, ${deals}) n;
                insert into deal_prediction (deal_id, recorded_on, predicted_close)
                select h.deal_id, current_date - d.back, h.predicted_close - d.shift * ((abs(hashtext(h.deal_id::text)) % 20))
                from deal_health h join deal on deal.id = h.deal_id and deal.name like 'Bench deal %',
                     (values (40, 2), (20, 1), (0, 0)) as d (back, shift);
                analyze;
                """.replace("${deals}", String.valueOf(open)));
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
                                   (select count(*) from plan_step_dependency), (select count(*) from deal_health),
                                   (select count(*) from deal_prediction)""")) {
                counts.next();
                System.out.printf("  seeded in %.1f s: %d deals (%d open), %d plans, %d steps, %d dependencies, "
                        + "%d health rows, %d predictions%n", (System.nanoTime() - total) / 1e9, counts.getLong(1),
                        counts.getLong(2), counts.getLong(3), counts.getLong(4), counts.getLong(5),
                        counts.getLong(6), counts.getLong(7));
            }
        }
    }
}
