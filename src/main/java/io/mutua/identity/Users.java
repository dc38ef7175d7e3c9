package io.mutua.identity;

import io.mutua.web.Languages;
import io.mutua.web.NotFoundException;
import io.mutua.web.UserLocales;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about seller-side users. */
@Service
@Transactional(readOnly = true)
public class Users implements UserLocales {

    /** Named owners without an email in the import get one here: RFC 2606 reserves .invalid, nothing is delivered. */
    static final String NAMED_OWNER_DOMAIN = "@named-owner.invalid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(UserRepository users, TeamRepository teams, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * The user with this email, or else the named owner with this name, created when there is none: someone who
     * owns imported deals but has no login. A named owner is an inactive REP without a team whose password hash is
     * that of a random secret nobody knows, so they can never sign in and are never emailed; when {@code email} is
     * blank they get a placeholder address that is never delivered. An admin creating a user with their email later
     * turns the same row into that user.
     */
    @Transactional
    public UserSummary namedOwner(String name, String email) {
        String trimmedName = name == null || name.isBlank() ? null : name.trim();
        boolean hasEmail = email != null && !email.isBlank();
        Optional<User> existing = hasEmail ? users.findByEmail(email.trim())
                : users.findNamedOnlyByName(trimmedName);
        if (existing.isPresent()) {
            return existing.get().summary();
        }
        String address = hasEmail ? email.trim() : "named-" + UUID.randomUUID() + NAMED_OWNER_DOMAIN;
        String displayName = trimmedName != null ? trimmedName : address.substring(0, address.indexOf('@'));
        if (displayName.length() > 100) {
            displayName = displayName.substring(0, 100);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String hash = passwords.encode(Base64.getEncoder().encodeToString(secret));
        return users.save(User.namedOwner(address, displayName, hash, clock.instant())).summary();
    }

    /** Whether the user is a named owner of imported deals, without a login. */
    public boolean isNamedOwner(UUID id) {
        return users.findById(id).map(User::namedOnly).orElse(false);
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

    /** The names of all teams, by id, in name order. */
    public Map<UUID, String> teamNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        teams.findAllByName().forEach(team -> names.put(team.id(), team.name()));
        return names;
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
