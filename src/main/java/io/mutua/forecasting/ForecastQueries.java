package io.mutua.forecasting;

import io.mutua.forecasting.Forecast.AtRisk;
import io.mutua.forecasting.Forecast.Figures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast read model in a few aggregate queries over deal ⋈ deal_health ⋈ stage: PostgreSQL groups and
 * sums, Java only receives the figures. {@code deal_health} and {@code deal_prediction} are written elsewhere.
 */
@Component
class ForecastQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ForecastQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Count, amount and weighted amount per basis, currency and bucket; deals without an amount are left out. Months
     * are grouped as their first day (date arithmetic, cheaper than formatting every row).
     */
    List<Figures> figures(ForecastFilter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String conditions = filter.conditions(params);
        params.put("today", today);
        params.put("horizon", YearMonth.from(today).plusMonths(Forecast.MONTHS).atDay(1));
        return jdbc.sql("""
                select b.basis, d.currency,
                       case when b.close_on is null then 3 when b.close_on < :today then 0
                            when b.close_on >= :horizon then 2 else 1 end as kind,
                       case when b.close_on >= :today and b.close_on < :horizon
                            then b.close_on - (extract(day from b.close_on)::int - 1) end as month,
                       count(*) as deals, sum(d.amount) as amount,
                       round(sum(d.amount * s.probability) / 100, 2) as weighted
                from deal d
                join stage s on s.key = d.stage_key
                join app_user u on u.id = d.owner_id
                left join deal_health h on h.deal_id = d.id
                cross join lateral (values ('PREDICTED', h.predicted_close), ('EXPECTED', d.expected_close_date))
                    as b (basis, close_on)
                where d.amount is not null""" + conditions + """

                group by 1, 2, 3, 4""")
                .params(params)
                .query((rs, n) -> new Figures(ForecastBasis.valueOf(rs.getString("basis")),
                        bucket(rs.getInt("kind"), rs.getObject("month", LocalDate.class)), rs.getString("currency"),
                        rs.getLong("deals"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")))
                .list();
    }

    /** How many open deals are in each health state (deals not assessed yet are not counted). */
    Map<String, Long> healthCounts(ForecastFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String conditions = filter.conditions(params);
        Map<String, Long> counts = new LinkedHashMap<>();
        Forecast.HEALTH_STATES.forEach(state -> counts.put(state, 0L));
        jdbc.sql("""
                select h.health, count(*) as deals
                from deal d
                join deal_health h on h.deal_id = d.id
                join app_user u on u.id = d.owner_id
                where true""" + conditions + """

                group by h.health""")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString("health"), rs.getLong("deals")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    record AtRiskPage(List<AtRisk> deals, long total) {
    }

    /** Deals at risk or stalled: stalled first, then the largest amounts. */
    AtRiskPage atRisk(ForecastFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        String conditions = filter.conditions(params);
        params.put("limit", limit);
        long[] total = {0};
        List<AtRisk> deals = jdbc.sql("""
                select d.id, d.name, d.account, u.name as owner_name, s.name as stage_name, d.amount, d.currency,
                       h.health, h.predicted_close, h.slip_business_days, h.reasons::text as reasons,
                       count(*) over () as total
                from deal d
                join deal_health h on h.deal_id = d.id
                join stage s on s.key = d.stage_key
                join app_user u on u.id = d.owner_id
                where h.health in ('AT_RISK', 'STALLED')""" + conditions + """

                order by case h.health when 'STALLED' then 0 else 1 end, d.amount desc nulls last, d.name, d.id
                limit :limit""")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new AtRisk(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("account"),
                            rs.getString("owner_name"), rs.getString("stage_name"), rs.getBigDecimal("amount"),
                            rs.getString("currency"), rs.getString("health"),
                            rs.getObject("predicted_close", LocalDate.class),
                            (Integer) rs.getObject("slip_business_days"), ForecastStore.reasons(rs.getString("reasons")));
                })
                .list();
        return new AtRiskPage(deals, total[0]);
    }

    /** A predicted close that moved later this month: the baseline and the latest prediction. */
    record Move(UUID dealId, String name, LocalDate from, LocalDate to) {
    }

    /**
     * Deals whose latest prediction is later than their baseline — the latest recorded before the month began,
     * else the first recorded this month — by calendar days moved, most first. Three probes of the primary key per
     * open deal, so the cost does not grow with the days of history kept.
     */
    List<Move> movedLater(ForecastFilter filter, LocalDate monthStart, int limit) {
        Map<String, Object> params = new HashMap<>();
        String conditions = filter.conditions(params);
        params.put("monthStart", monthStart);
        params.put("limit", limit);
        return jdbc.sql("""
                with moves as materialized (
                    select d.id, d.name,
                           (select p.predicted_close from deal_prediction p where p.deal_id = d.id
                            order by p.recorded_on desc limit 1) as to_date,
                           coalesce((select p.predicted_close from deal_prediction p
                                     where p.deal_id = d.id and p.recorded_on < :monthStart
                                     order by p.recorded_on desc limit 1),
                                    (select p.predicted_close from deal_prediction p
                                     where p.deal_id = d.id and p.recorded_on >= :monthStart
                                     order by p.recorded_on limit 1)) as from_date
                    from deal d
                    join app_user u on u.id = d.owner_id
                    where true""" + conditions + """

                )
                select id, name, from_date, to_date from moves
                where to_date > from_date
                order by to_date - from_date desc, name, id
                limit :limit""")
                .params(params)
                .query((rs, n) -> new Move(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
                .list();
    }

    private static String bucket(int kind, LocalDate month) {
        return switch (kind) {
            case 0 -> Forecast.OVERDUE;
            case 1 -> YearMonth.from(month).toString();
            case 2 -> Forecast.LATER;
            default -> Forecast.UNDATED;
        };
    }
}
