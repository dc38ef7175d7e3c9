package io.mutua.forecasting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The forecast of the open deals in a scope, as of {@code today}: the pipeline per currency and close month by
 * both bases, how healthy the deals are, the ones at risk or stalled (worst first, the first {@code atRisk.size()}
 * of {@code atRiskTotal}) and the ones whose predicted close moved later most this month.
 */
public record Forecast(LocalDate today, List<Figures> figures, Map<String, Long> healthCounts, List<AtRisk> atRisk,
        long atRiskTotal, List<Slip> slipped) {

    /** Buckets beside the months. */
    public static final String OVERDUE = "OVERDUE";
    public static final String LATER = "LATER";
    public static final String UNDATED = "UNDATED";
    /** Health states, worst last. */
    public static final List<String> HEALTH_STATES = List.of("ON_TRACK", "AT_RISK", "STALLED");
    /** How many months ahead, this one included, the pipeline shows one by one. */
    public static final int MONTHS = 12;

    /**
     * The open deals of one currency whose close date by {@code basis} falls in {@code bucket}: a month
     * ({@code 2026-12}), {@link #OVERDUE} (before today), {@link #LATER} (after the months shown) or {@link #UNDATED}.
     */
    public record Figures(ForecastBasis basis, String bucket, String currency, long deals, BigDecimal amount,
            BigDecimal weightedAmount) {

        /** The month, or null for the other buckets. */
        public YearMonth month() {
            return bucket.length() == 7 && Character.isDigit(bucket.charAt(0)) ? YearMonth.parse(bucket) : null;
        }
    }

    /** A deal at risk or stalled, with the reasons as stored (codes and their arguments). */
    public record AtRisk(UUID dealId, String name, String account, String owner, String stage, BigDecimal amount,
            String currency, String health, LocalDate predictedClose, Integer slipBusinessDays, List<HealthReason> reasons) {
    }

    /** A deal whose predicted close moved from {@code from} to {@code to} this month. */
    public record Slip(UUID dealId, String name, LocalDate from, LocalDate to, int businessDays) {
    }

    /** The months shown one by one, this one first. */
    public List<YearMonth> months() {
        YearMonth first = YearMonth.from(today);
        return IntStream.range(0, MONTHS).mapToObj(first::plusMonths).toList();
    }
}
