package io.mutua.forecasting;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which open deals a forecast covers: the owners the viewer may see ({@code null} = anyone), narrowed by the
 * team and owner the viewer picked. Renders itself as SQL conditions over {@code deal d} and {@code app_user u}.
 */
record ForecastFilter(Set<UUID> visibleOwners, UUID team, UUID owner) {

    String conditions(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" and d.status = 'OPEN'");
        if (visibleOwners != null) {
            if (visibleOwners.isEmpty()) {
                return sql.append(" and false").toString();
            }
            sql.append(" and d.owner_id in (:visibleOwners)");
            params.put("visibleOwners", visibleOwners);
        }
        if (team != null) {
            sql.append(" and u.team_id = :team");
            params.put("team", team);
        }
        if (owner != null) {
            sql.append(" and d.owner_id = :owner");
            params.put("owner", owner);
        }
        return sql.toString();
    }
}
