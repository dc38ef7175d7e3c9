package io.mutua.notifications;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * One person's choices as they stand: the mode of every group (stored or default), the plans with their own mode,
 * the time zone digests follow, and the version of the stored row (0 while nothing was ever saved).
 */
public record NotificationSettings(Map<KindGroup, Mode> groups, Map<UUID, Mode> plans, ZoneId zone, long version) {

    public NotificationSettings {
        groups = Map.copyOf(groups);
        plans = Map.copyOf(plans);
    }

    public Mode group(KindGroup group) {
        return groups.get(group);
    }

    /** The plan's own mode, or null when the plan follows the groups. */
    public Mode plan(UUID planId) {
        return plans.get(planId);
    }
}
