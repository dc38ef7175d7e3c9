package io.mutua.deals;

import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.InvalidInputException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes which deals. ADMIN: all. MANAGER: the team's deals. REP: sees the team's deals,
 * changes their own. CS: sees the team's won deals, changes none. Anyone may also see a deal opened to them
 * (a CS user who received its handoff).
 */
@Component
class DealAccess {

    private final Users users;
    private final JdbcClient jdbc;

    DealAccess(Users users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The deals a viewer may see, as a filter the queries apply: owners (null = anyone) and won-only. */
    record Scope(Set<UUID> owners, boolean wonOnly) {

        boolean includes(UUID ownerId, DealStatus status) {
            return (owners == null || owners.contains(ownerId)) && (!wonOnly || status == DealStatus.WON);
        }
    }

    Scope scope(Viewer viewer) {
        if (viewer.is(Role.ADMIN)) {
            return new Scope(null, false);
        }
        return new Scope(teamOf(viewer), viewer.is(Role.CS));
    }

    boolean canSee(Viewer viewer, UUID dealId, UUID ownerId, DealStatus status) {
        return scope(viewer).includes(ownerId, status) || granted(viewer, dealId);
    }

    /** Whether the deal was opened to this user beyond the usual rule, e.g. handed over to them after the win. */
    private boolean granted(Viewer viewer, UUID dealId) {
        return jdbc.sql("select exists (select 1 from deal_viewer where deal_id = :deal and user_id = :user)")
                .param("deal", dealId)
                .param("user", viewer.userId())
                .query(Boolean.class)
                .single();
    }

    /** Lets these users see the deal from now on, whatever their team (system work). */
    void grant(UUID dealId, Collection<UUID> userIds) {
        for (UUID userId : userIds) {
            jdbc.sql("insert into deal_viewer (deal_id, user_id) values (:deal, :user) on conflict do nothing")
                    .param("deal", dealId)
                    .param("user", userId)
                    .update();
        }
    }

    boolean canChange(Viewer viewer, UUID ownerId) {
        return switch (viewer.role()) {
            case ADMIN -> true;
            case MANAGER -> teamOf(viewer).contains(ownerId);
            case REP -> viewer.userId().equals(ownerId);
            case CS -> false;
        };
    }

    boolean canCreate(Viewer viewer) {
        return !viewer.is(Role.CS);
    }

    /** The people a viewer may make the owner of a deal. */
    List<UserSummary> assignableOwners(Viewer viewer) {
        List<UserSummary> candidates = switch (viewer.role()) {
            case ADMIN -> users.all();
            case MANAGER -> viewer.teamId() == null ? users.find(viewer.userId()).stream().toList()
                    : users.teamMembers(viewer.teamId());
            case REP -> users.find(viewer.userId()).stream().toList();
            case CS -> List.of();
        };
        return candidates.stream().filter(UserSummary::active).filter(user -> user.role() != Role.CS).toList();
    }

    /** The owners whose deals a viewer may see, for the owner filter. */
    List<UserSummary> visibleOwners(Viewer viewer) {
        if (viewer.is(Role.ADMIN)) {
            return users.all();
        }
        Set<UUID> team = teamOf(viewer);
        return users.byIds(team).values().stream()
                .sorted(Comparator.comparing(UserSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    void checkAssignable(Viewer viewer, UUID ownerId) {
        boolean allowed = assignableOwners(viewer).stream().anyMatch(user -> user.id().equals(ownerId));
        if (!allowed) {
            throw new InvalidInputException("owner", "deals.ownerNotAllowed");
        }
    }

    private Set<UUID> teamOf(Viewer viewer) {
        Set<UUID> team = new HashSet<>();
        team.add(viewer.userId());
        if (viewer.teamId() != null) {
            users.teamMembers(viewer.teamId()).forEach(member -> team.add(member.id()));
        }
        return team;
    }
}
