package io.mutua.forecasting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code deal_health} and {@code deal_prediction}: written in batches, read one deal at a time. */
@Component
class ForecastStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ForecastStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A reason as stored in the jsonb column. */
    record StoredReason(String code, String severity, List<String> args) {
    }

    Optional<DealForecast> find(UUID dealId) {
        return jdbc.sql("select * from deal_health where deal_id = :deal").param("deal", dealId)
                .query(ForecastStore::forecast).optional();
    }

    Set<UUID> dealIds() {
        return new HashSet<>(jdbc.sql("select deal_id from deal_health").query(UUID.class).list());
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from deal_health)").query(Boolean.class).single();
    }

    void delete(Collection<UUID> dealIds) {
        List<UUID> ids = List.copyOf(dealIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("delete from deal_health where deal_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH))).update();
        }
    }

    /** Upserts each forecast, and today's predicted close of each deal that has one. */
    void save(List<DealForecast> forecasts, LocalDate today) {
        List<SqlParameterSource> health = new ArrayList<>(forecasts.size());
        List<SqlParameterSource> predictions = new ArrayList<>(forecasts.size());
        for (DealForecast forecast : forecasts) {
            health.add(new MapSqlParameterSource()
                    .addValue("deal", forecast.dealId())
                    .addValue("plan", forecast.planId())
                    .addValue("health", forecast.health().name())
                    .addValue("reasons", json(forecast.reasons()))
                    .addValue("predicted", forecast.predictedClose())
                    .addValue("source", forecast.predictionSource().name())
                    .addValue("expected", forecast.expectedClose())
                    .addValue("target", forecast.targetClose())
                    .addValue("slip", forecast.slipBusinessDays())
                    .addValue("targetSlip", forecast.targetSlipBusinessDays())
                    .addValue("at", Timestamp.from(forecast.computedAt())));
            if (forecast.predictedClose() != null) {
                predictions.add(new MapSqlParameterSource()
                        .addValue("deal", forecast.dealId())
                        .addValue("day", today)
                        .addValue("predicted", forecast.predictedClose()));
            }
        }
        batch("insert into deal_health (deal_id, plan_id, health, reasons, predicted_close, prediction_source, "
                + "expected_close, target_close, slip_business_days, target_slip_business_days, computed_at) "
                + "values (:deal, :plan, :health, cast(:reasons as jsonb), :predicted, :source, :expected, :target, "
                + ":slip, :targetSlip, :at) on conflict (deal_id) do update set plan_id = excluded.plan_id, "
                + "health = excluded.health, reasons = excluded.reasons, predicted_close = excluded.predicted_close, "
                + "prediction_source = excluded.prediction_source, expected_close = excluded.expected_close, "
                + "target_close = excluded.target_close, slip_business_days = excluded.slip_business_days, "
                + "target_slip_business_days = excluded.target_slip_business_days, "
                + "computed_at = excluded.computed_at", health);
        batch("insert into deal_prediction (deal_id, recorded_on, predicted_close) values (:deal, :day, :predicted) "
                + "on conflict (deal_id, recorded_on) do update set predicted_close = excluded.predicted_close",
                predictions);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            named.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private static String json(List<HealthReason> reasons) {
        return JSON.writeValueAsString(reasons.stream()
                .map(reason -> new StoredReason(reason.code(), reason.severity().name(), reason.args())).toList());
    }

    /** The reasons as stored in {@code deal_health.reasons}. */
    static List<HealthReason> reasons(String json) {
        List<StoredReason> stored = JSON.readValue(json == null ? "[]" : json,
                new TypeReference<List<StoredReason>>() {
                });
        return stored.stream().map(reason -> new HealthReason(reason.code(), Health.valueOf(reason.severity()),
                reason.args())).toList();
    }

    private static DealForecast forecast(ResultSet rs, int n) throws SQLException {
        return new DealForecast(rs.getObject("deal_id", UUID.class), rs.getObject("plan_id", UUID.class),
                Health.valueOf(rs.getString("health")), reasons(rs.getString("reasons")),
                rs.getObject("predicted_close", LocalDate.class),
                PredictionSource.valueOf(rs.getString("prediction_source")),
                rs.getObject("expected_close", LocalDate.class), rs.getObject("target_close", LocalDate.class),
                (Integer) rs.getObject("slip_business_days"), (Integer) rs.getObject("target_slip_business_days"),
                rs.getTimestamp("computed_at").toInstant());
    }
}
