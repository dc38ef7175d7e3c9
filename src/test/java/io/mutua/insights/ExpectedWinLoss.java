package io.mutua.insights;

import io.mutua.insights.ClosedDeals.Made;
import io.mutua.insights.ClosedDeals.Step;
import io.mutua.plans.BusinessCalendar;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The win-loss figures worked out by hand in the test, from the descriptions of the deals it made, and the same
 * figures read back from the API's JSON in the same shape, so that the two compare as plain maps.
 */
final class ExpectedWinLoss {

    private ExpectedWinLoss() {
    }

    static Map<String, Object> expected(List<Made> deals, BusinessCalendar calendar) {
        Map<String, Object> figures = new TreeMap<>();
        figures.put("total", List.of(count(deals, true), count(deals, false)));
        for (boolean won : List.of(true, false)) {
            List<Integer> days = new ArrayList<>();
            deals.stream().filter(d -> d.won() == won)
                    .forEach(d -> days.add((int) ChronoUnit.DAYS.between(d.created(), d.closed())));
            Collections.sort(days);
            figures.put(won ? "wonCycle" : "lostCycle", days.isEmpty() ? List.of(0) : List.of(days.size(),
                    median(days), days.get((int) Math.ceil(days.size() * 0.8) - 1).doubleValue()));
        }
        Map<String, List<Long>> byPlan = new TreeMap<>();
        Map<String, List<Long>> byMapSize = new TreeMap<>();
        Map<String, List<Long>> byBuyers = new TreeMap<>();
        Map<String, Long> stalled = new TreeMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, List<Long>> competitors = new TreeMap<>();
        for (Made deal : deals) {
            String plan = deal.planKind() == null ? "NONE" : deal.planKind().equals("MUTUAL") ? "MAP" : "CLOSING";
            add(byPlan, plan, deal.won());
            if (plan.equals("MAP")) {
                long shared = deal.sharedSteps();
                add(byMapSize, shared == 0 ? "0" : shared <= 5 ? "1-5" : shared <= 10 ? "6-10" : shared <= 20 ? "11-20"
                        : "21+", deal.won());
            }
            int buyers = deal.buyers();
            add(byBuyers, buyers <= 2 ? String.valueOf(buyers) : buyers <= 4 ? "3-4" : "5+", deal.won());
            if (!deal.won() && !deal.stages().isEmpty()) {
                stalled.merge(deal.stages().get(deal.stages().size() - 1), 1L, Long::sum);
            }
            if (deal.reason() != null) {
                reasons.merge((deal.won() ? "WON" : "LOST") + " " + deal.reason(), 1L, Long::sum);
            }
            if (deal.competitor() != null) {
                add(competitors, deal.competitor(), deal.won());
            }
        }
        figures.put("byPlan", byPlan);
        figures.put("byMapSize", byMapSize);
        figures.put("byBuyers", byBuyers);
        figures.put("stalled", stalled);
        figures.put("reasons", reasons);
        figures.put("competitors", competitors);
        Map<String, List<List<Integer>>> slips = new TreeMap<>();
        for (Made deal : deals) {
            for (Step step : deal.steps()) {
                int slip = calendar.businessDaysBetween(step.baseline(), step.done() == null ? deal.closed() : step.done());
                List<List<Integer>> lists = slips.computeIfAbsent(step.key(),
                        k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                lists.get(0).add(slip);
                lists.get(deal.won() ? 1 : 2).add(slip);
            }
        }
        Map<String, List<Object>> slipFigures = new TreeMap<>();
        slips.forEach((key, lists) -> {
            List<Object> row = new ArrayList<>();
            for (List<Integer> list : lists) {
                List<Integer> sorted = list.stream().sorted().toList();
                row.add(sorted.size());
                if (!sorted.isEmpty()) {
                    row.add(median(sorted));
                    row.add(Math.round(1000.0 * sorted.stream().filter(s -> s > 0).count() / sorted.size()) / 1000.0);
                }
            }
            slipFigures.put(key, row);
        });
        figures.put("slips", slipFigures);
        return figures;
    }

    /** The API's figures in the shape of {@link #expected}; zero rows left out like the test leaves them out. */
    static Map<String, Object> actual(JsonNode json) {
        Map<String, Object> figures = new TreeMap<>();
        figures.put("total", List.of(json.path("total").path("won").asLong(), json.path("total").path("lost").asLong()));
        for (String cycle : List.of("wonCycle", "lostCycle")) {
            JsonNode node = json.path(cycle);
            figures.put(cycle, node.path("deals").asInt() == 0 ? List.of(0) : List.of(node.path("deals").asInt(),
                    node.path("medianDays").asDouble(), node.path("p80Days").asDouble()));
        }
        for (String groups : List.of("byPlan", "byMapSize", "byBuyers")) {
            Map<String, List<Long>> map = new TreeMap<>();
            json.path(groups).forEach(group -> {
                long won = group.path("outcomes").path("won").asLong();
                long lost = group.path("outcomes").path("lost").asLong();
                if (won + lost > 0) {
                    map.put(group.path("key").asString(), List.of(won, lost));
                }
            });
            figures.put(groups, map);
        }
        Map<String, Long> stalled = new TreeMap<>();
        json.path("stalled").forEach(s -> stalled.put(s.path("stage").asString(), s.path("deals").asLong()));
        figures.put("stalled", stalled);
        Map<String, Long> reasons = new TreeMap<>();
        json.path("reasons").forEach(r -> reasons.put(r.path("outcome").asString() + " " + r.path("label").asString(),
                r.path("deals").asLong()));
        figures.put("reasons", reasons);
        Map<String, List<Long>> competitors = new TreeMap<>();
        json.path("competitors").forEach(c -> competitors.put(c.path("competitor").asString(),
                List.of(c.path("won").asLong(), c.path("lost").asLong())));
        figures.put("competitors", competitors);
        Map<String, List<Object>> slips = new TreeMap<>();
        json.path("slips").forEach(s -> {
            List<Object> row = new ArrayList<>();
            for (String side : List.of("all", "won", "lost")) {
                JsonNode slip = s.path(side);
                row.add(slip.path("steps").asInt());
                if (slip.path("steps").asInt() > 0) {
                    row.add(slip.path("medianBusinessDays").asDouble());
                    row.add(Math.round(1000.0 * slip.path("lateShare").asDouble()) / 1000.0);
                }
            }
            slips.put(s.path("key").asString(), row);
        });
        figures.put("slips", slips);
        return figures;
    }

    private static long count(List<Made> deals, boolean won) {
        return deals.stream().filter(d -> d.won() == won).count();
    }

    private static void add(Map<String, List<Long>> map, String key, boolean won) {
        List<Long> counts = map.getOrDefault(key, List.of(0L, 0L));
        map.put(key, List.of(counts.get(0) + (won ? 1 : 0), counts.get(1) + (won ? 0 : 1)));
    }

    private static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
