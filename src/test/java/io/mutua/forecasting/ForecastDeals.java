package io.mutua.forecasting;

import io.mutua.TestData.Seller;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.deals.Outcome;
import io.mutua.identity.Users;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open deals for forecast tests, made through DealService. Their health and predictions are a read model that the
 * application computes after each change; once it has, the tests put their own figures in deal_health and
 * deal_prediction, so that each test knows exactly what the forecast reads.
 */
@Component
public class ForecastDeals {

    private final DealService deals;
    private final Users users;
    private final JdbcClient jdbc;

    ForecastDeals(DealService deals, Users users, JdbcClient jdbc) {
        this.deals = deals;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** What a test made: the deal and the figures the forecast should read from it. */
    public record Made(UUID id, String name, UUID ownerId, BigDecimal amount, String currency, String stage,
            LocalDate expected, LocalDate predicted, String health) {
    }

    /** An open deal owned by {@code owner}, created by {@code creator}; {@code health} null = no health row yet. */
    public Made open(Seller creator, Seller owner, String amount, String currency, String stage, LocalDate expected,
            LocalDate predicted, String health, String reasonsJson) {
        String name = "Forecast " + stage + " " + UUID.randomUUID().toString().substring(0, 8);
        DealView deal = deals.create(users.viewer(creator.id()), new DealDetails(name, "Account of " + name,
                amount == null ? null : Money.of(amount, currency), owner.id(), expected, null, null), stage);
        settle();
        jdbc.sql("delete from deal_prediction where deal_id = :deal").param("deal", deal.id().value()).update();
        if (health == null) {
            jdbc.sql("delete from deal_health where deal_id = :deal").param("deal", deal.id().value()).update();
        } else {
            jdbc.sql("""
                    update deal_health set plan_id = null, health = :health, reasons = cast(:reasons as jsonb),
                        predicted_close = :predicted, prediction_source = :source, expected_close = :expected,
                        target_close = null, slip_business_days = :slip, target_slip_business_days = null,
                        computed_at = :now
                    where deal_id = :deal""")
                    .param("deal", deal.id().value()).param("health", health).param("reasons", reasonsJson)
                    .param("predicted", predicted).param("source", predicted == null ? "NONE" : "PLAN")
                    .param("expected", expected).param("slip", 3).param("now", Timestamp.from(Instant.now()))
                    .update();
        }
        return new Made(deal.id().value(), name, owner.id(), amount == null ? null : new BigDecimal(amount),
                amount == null ? null : currency, stage, expected, predicted, health);
    }

    /**
     * Waits until the application has reacted to everything published so far — the deal's own forecast, its plan
     * being generated and the forecast after that — so that nothing overwrites the figures this test puts in place.
     */
    private void settle() {
        Awaitility.await("events handled").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select count(*) from event_publication where status is distinct from 'FAILED'")
                        .query(Long.class).single() == 0);
    }

    public void close(Seller by, UUID dealId) {
        deals.close(users.viewer(by.id()), new DealId(dealId), Outcome.WON, "Signed", null);
    }

    public void predicted(UUID dealId, LocalDate recordedOn, LocalDate predictedClose) {
        jdbc.sql("insert into deal_prediction (deal_id, recorded_on, predicted_close) values (:deal, :on, :close)")
                .param("deal", dealId).param("on", recordedOn).param("close", predictedClose).update();
    }

    /** Figures of one currency and bucket, computed here from what the test made. */
    public record Expected(long deals, BigDecimal amount, BigDecimal weighted) {
    }

    /**
     * The pipeline the forecast should show for these deals, keyed "currency bucket": a month (yyyy-MM), OVERDUE
     * (before today), LATER (after this month and the eleven after it) or UNDATED; stage probabilities come from
     * the stage table.
     */
    public Map<String, Expected> pipeline(List<Made> made, boolean byPredicted, LocalDate today) {
        Map<String, Integer> probability = new TreeMap<>();
        jdbc.sql("select key, probability from stage").query((rs, n) -> probability.put(rs.getString(1), rs.getInt(2)))
                .list();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (Made deal : made) {
            if (deal.amount() == null) {
                continue;
            }
            LocalDate date = byPredicted ? deal.predicted() : deal.expected();
            LocalDate horizon = YearMonth.from(today).plusMonths(12).atDay(1);
            String bucket = date == null ? "UNDATED" : date.isBefore(today) ? "OVERDUE"
                    : !date.isBefore(horizon) ? "LATER" : YearMonth.from(date).toString();
            String key = deal.currency() + " " + bucket;
            BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(deal.amount());
            sum[1] = sum[1].add(deal.amount().multiply(BigDecimal.valueOf(probability.get(deal.stage()))));
            counts.merge(key, 1L, Long::sum);
        }
        Map<String, Expected> expected = new TreeMap<>();
        sums.forEach((key, sum) -> expected.put(key, new Expected(counts.get(key), sum[0].setScale(2),
                sum[1].divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP))));
        return expected;
    }

    public static List<Made> ownedBy(List<Made> made, Seller... owners) {
        List<Made> result = new ArrayList<>();
        for (Made deal : made) {
            for (Seller owner : owners) {
                if (deal.ownerId().equals(owner.id())) {
                    result.add(deal);
                }
            }
        }
        return result;
    }
}
