package io.mutua.identity;

import io.mutua.web.Languages;
import io.mutua.web.NotFoundException;
import io.mutua.web.UserLocales;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about seller-side users. */
@Service
@Transactional(readOnly = true)
public class Users implements UserLocales {

    private final UserRepository users;

    Users(UserRepository users) {
        this.users = users;
    }

    /** The viewer for an active user, read fresh so that role and team changes apply at once. */
    public Viewer viewer(UUID userId) {
        return users.findById(userId)
                .filter(User::active)
                .map(user -> new Viewer(user.id(), user.email(), user.role(), user.teamId()))
                .orElseThrow(() -> new NotFoundException("error.userNotFound"));
    }

    public Optional<UserSummary> find(UUID id) {
        return users.findById(id).map(User::summary);
    }

    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(email.trim()).map(User::summary);
    }

    public Map<UUID, UserSummary> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findByIds(ids).stream().map(User::summary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    /** Everyone in a team, active or not, by name. */
    public List<UserSummary> teamMembers(UUID teamId) {
        return users.findByTeam(teamId).stream().map(User::summary).toList();
    }

    /** Every seller-side user, by name. */
    public List<UserSummary> all() {
        return users.findAllByName().stream().map(User::summary).toList();
    }

    @Override
    public Optional<Locale> preferredLocale(String username) {
        return users.findByEmail(username).map(User::locale).flatMap(Languages::supported);
    }

    @Override
    @Transactional
    public void remember(String username, Locale locale) {
        users.findByEmail(username).ifPresent(user -> {
            user.preferLocale(locale);
            users.save(user);
        });
    }
}
