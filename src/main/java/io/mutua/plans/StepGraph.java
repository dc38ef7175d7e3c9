package io.mutua.plans;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of one plan as a dependency graph, checked once (unique ids, known dependencies, no cycle) so
 * that every pass can walk it in dependency order, forwards or backwards, without checking again.
 */
final class StepGraph {

    private final Map<UUID, ScheduleItem> byId;
    private final Map<UUID, List<UUID>> dependents;
    private final List<ScheduleItem> dependenciesFirst;

    private StepGraph(Map<UUID, ScheduleItem> byId, Map<UUID, List<UUID>> dependents,
            List<ScheduleItem> dependenciesFirst) {
        this.byId = byId;
        this.dependents = dependents;
        this.dependenciesFirst = dependenciesFirst;
    }

    /**
     * @throws IllegalArgumentException on a repeated id, a dependency on an unknown step, or a cycle
     */
    static StepGraph of(List<ScheduleItem> items) {
        Map<UUID, ScheduleItem> byId = new HashMap<>(items.size() * 2);
        for (ScheduleItem item : items) {
            if (byId.put(item.id(), item) != null) {
                throw new IllegalArgumentException("step " + item.id() + " appears twice");
            }
        }
        Map<UUID, List<UUID>> dependents = new HashMap<>(items.size() * 2);
        Map<UUID, Integer> waitingFor = new HashMap<>(items.size() * 2);
        ArrayDeque<ScheduleItem> ready = new ArrayDeque<>();
        for (ScheduleItem item : items) {
            for (UUID dependency : item.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new IllegalArgumentException("step " + item.id() + " depends on unknown step " + dependency);
                }
                dependents.computeIfAbsent(dependency, id -> new ArrayList<>(2)).add(item.id());
            }
            waitingFor.put(item.id(), item.dependsOn().size());
            if (item.dependsOn().isEmpty()) {
                ready.add(item);
            }
        }
        List<ScheduleItem> order = new ArrayList<>(items.size());
        while (!ready.isEmpty()) {
            ScheduleItem item = ready.poll();
            order.add(item);
            for (UUID dependent : dependents.getOrDefault(item.id(), List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(byId.get(dependent));
                }
            }
        }
        if (order.size() < items.size()) {
            List<UUID> unordered = items.stream()
                    .map(ScheduleItem::id)
                    .filter(id -> waitingFor.get(id) > 0)
                    .toList();
            throw new IllegalArgumentException("dependencies form a cycle; these steps wait on it: " + unordered);
        }
        return new StepGraph(byId, dependents, Collections.unmodifiableList(order));
    }

    boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    /** The steps whose {@code dependsOn} names this one. */
    List<UUID> dependentsOf(UUID id) {
        return dependents.getOrDefault(id, List.of());
    }

    /** Every step after all of its dependencies. */
    List<ScheduleItem> dependenciesFirst() {
        return dependenciesFirst;
    }
}
