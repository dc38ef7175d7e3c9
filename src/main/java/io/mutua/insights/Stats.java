package io.mutua.insights;

import java.util.List;

/** Median and nearest-rank 80th percentile, the way the sales-cycle figures are summarized. */
final class Stats {

    private Stats() {
    }

    /** The middle value, or the mean of the two middle ones; {@code null} without values. */
    static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The smallest value with at least 80 % of the values at or below it; {@code null} without values. */
    static Integer p80(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.8 * sorted.size()) - 1);
    }
}
