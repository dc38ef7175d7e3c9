package io.mutua.forecasting;

import java.util.List;

/**
 * Summary of observed durations in business days: median, mean and 80th percentile (nearest rank: the
 * smallest value with at least 80 % of the samples at or below it).
 */
public record Durations(int sampleSize, double median, double mean, int p80) {

    /** Whether there are enough samples to date plans by. */
    public boolean usedForEstimates() {
        return sampleSize >= DurationStatistics.MIN_SAMPLES;
    }

    static Durations of(List<Integer> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No durations");
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        double mean = sorted.stream().mapToInt(Integer::intValue).average().orElseThrow();
        int p80 = sorted.get((int) Math.ceil(0.8 * n) - 1);
        return new Durations(n, median, Math.round(mean * 10) / 10.0, p80);
    }
}
