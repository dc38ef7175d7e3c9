package io.mutua.insights;

import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives the handoff of a won deal, as the admin set it: one CS user, or the CS users of a team; when nobody
 * is chosen, the CS users of the deal owner's team.
 */
@Component
@Transactional
class HandoffRecipients {

    private final Users users;
    private final JdbcClient jdbc;

    HandoffRecipients(Users users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The admin's choice: a user, a team, or neither; {@code version} guards edits. */
    record Setting(UUID userId, UUID teamId, long version) {
    }

    @Transactional(readOnly = true)
    Setting setting() {
        return jdbc.sql("select recipient_user_id, recipient_team_id, version from handoff_setting where id = 1")
                .query((rs, row) -> new Setting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getLong(3)))
                .optional()
                .orElse(new Setting(null, null, 0));
    }

    Setting choose(UUID userId, UUID teamId, long expectedVersion) {
        if (userId != null && teamId != null) {
            throw new InvalidInputException("recipient", "handoffs.settings.userOrTeam");
        }
        if (userId != null && candidates().stream().noneMatch(user -> user.id().equals(userId))) {
            throw new InvalidInputException("userId", "handoffs.settings.notCs");
        }
        if (teamId != null && !users.teamNames().containsKey(teamId)) {
            throw new InvalidInputException("teamId", "handoffs.settings.unknownTeam");
        }
        // The row goes when the users and teams it names are truncated (a brand-new installation): then it comes back.
        int updated = jdbc.sql("insert into handoff_setting (id, recipient_user_id, recipient_team_id, version) "
                        + "values (1, :user, :team, :version + 1) on conflict (id) do update set "
                        + "recipient_user_id = :user, recipient_team_id = :team, version = handoff_setting.version + 1 "
                        + "where handoff_setting.version = :version")
                .param("user", userId)
                .param("team", teamId)
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersionException("handoffs.settings.stale", setting().version());
        }
        return setting();
    }

    /** The active CS users an admin may choose. */
    @Transactional(readOnly = true)
    List<UserSummary> candidates() {
        return users.all().stream().filter(UserSummary::active).filter(user -> user.role() == Role.CS).toList();
    }

    /** The people who receive the handoff of a deal owned by {@code ownerId}, resolved now. */
    @Transactional(readOnly = true)
    List<UserSummary> resolve(UUID ownerId) {
        Setting setting = setting();
        if (setting.userId() != null) {
            Optional<UserSummary> chosen = users.find(setting.userId()).filter(UserSummary::active);
            if (chosen.isPresent()) {
                return List.of(chosen.get());
            }
        }
        UUID team = setting.teamId() != null ? setting.teamId()
                : users.find(ownerId).map(UserSummary::teamId).orElse(null);
        if (team == null) {
            return List.of();
        }
        return users.teamMembers(team).stream().filter(UserSummary::active)
                .filter(user -> user.role() == Role.CS).toList();
    }
}
