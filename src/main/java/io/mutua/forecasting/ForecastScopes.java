package io.mutua.forecasting;

import io.mutua.deals.DealService;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose deals a viewer's forecast covers: ADMIN every deal, MANAGER the team's (as on the deals pages), REP only
 * their own. Customer success has no forecast.
 */
@Component
class ForecastScopes {

    /** A team or owner to pick in the filters. */
    record Choice(UUID id, String name) {
    }

    private final DealService deals;
    private final JdbcClient jdbc;

    ForecastScopes(DealService deals, JdbcClient jdbc) {
        this.deals = deals;
        this.jdbc = jdbc;
    }

    static boolean mayForecast(Viewer viewer) {
        return !viewer.is(Role.CS);
    }

    ForecastFilter filter(Viewer viewer, UUID team, UUID owner) {
        check(viewer);
        Set<UUID> visible = switch (viewer.role()) {
            case ADMIN -> null;
            case REP -> Set.of(viewer.userId());
            default -> deals.visibleOwners(viewer).stream().map(UserSummary::id).collect(Collectors.toSet());
        };
        return new ForecastFilter(visible, team, owner);
    }

    /** The teams the viewer may narrow to: every team for ADMIN, their own for MANAGER, none for REP. */
    List<Choice> teams(Viewer viewer) {
        check(viewer);
        return switch (viewer.role()) {
            case ADMIN -> jdbc.sql("select id, name from team order by lower(name)")
                    .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
            case MANAGER -> viewer.teamId() == null ? List.of()
                    : jdbc.sql("select id, name from team where id = :id").param("id", viewer.teamId())
                            .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
            default -> List.of();
        };
    }

    /** The owners the viewer may narrow to (within the chosen team); none for REP, who sees only their own. */
    List<Choice> owners(Viewer viewer, UUID team) {
        check(viewer);
        if (viewer.is(Role.REP)) {
            return List.of();
        }
        return deals.visibleOwners(viewer).stream()
                .filter(user -> user.role() != Role.CS)
                .filter(user -> team == null || team.equals(user.teamId()))
                .sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()))
                .map(user -> new Choice(user.id(), user.name()))
                .toList();
    }

    private static void check(Viewer viewer) {
        if (!mayForecast(viewer)) {
            throw new ForbiddenException("forecast.forbidden");
        }
    }
}
