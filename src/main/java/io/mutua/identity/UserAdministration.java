package io.mutua.identity;

import io.mutua.web.ConflictException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins and users do to accounts and teams. */
@Service
@Transactional
class UserAdministration {

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwords;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserRepository users, TeamRepository teams, PasswordEncoder passwords,
            FindByIndexNameSessionRepository<?> sessions, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    record NewUser(String email, String name, Role role, UUID teamId, String password) {
    }

    record UserChange(String name, Role role, UUID teamId, boolean active, long version) {
    }

    @Transactional(readOnly = true)
    List<User> users() {
        return users.findAllByName();
    }

    @Transactional(readOnly = true)
    List<Team> teams() {
        return teams.findAllByName();
    }

    @Transactional(readOnly = true)
    User user(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("error.userNotFound"));
    }

    UUID create(UUID actorId, NewUser request) {
        PasswordRules.check("password", request.password());
        Optional<User> existing = users.findByEmail(request.email());
        if (existing.isPresent() && !existing.get().namedOnly()) {
            throw new InvalidInputException("email", "users.emailTaken");
        }
        requireTeam(request.teamId());
        User user;
        if (existing.isPresent()) {
            // The person was a named owner of imported deals: the same row becomes their account, history and all.
            user = existing.get();
            user.claim(request.name(), passwords.encode(request.password()), request.role(), request.teamId());
            save(user);
        } else {
            user = saveUnique(User.create(request.email(), request.name(), passwords.encode(request.password()),
                    request.role(), request.teamId(), clock.instant()));
        }
        User actor = user(actorId);
        // The new user has not chosen a language yet; the admin's is the best guess for the welcome email.
        events.publishEvent(new UserCreated(user.id(), user.email(), user.name(), user.role(), actor.name(),
                actor.locale()));
        return user.id();
    }

    void update(UUID actorId, UUID id, UserChange change) {
        User user = user(id);
        checkVersion(user.version(), change.version());
        boolean losesAdmin = user.role() == Role.ADMIN && user.active()
                && (change.role() != Role.ADMIN || !change.active());
        if (losesAdmin && id.equals(actorId)) {
            throw new ConflictException("users.cannotDemoteSelf");
        }
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            throw new ConflictException("users.lastAdmin");
        }
        requireTeam(change.teamId());
        user.update(change.name(), change.role(), change.teamId());
        boolean deactivating = user.active() && !change.active();
        if (change.active()) {
            user.activate();
        } else {
            user.deactivate();
        }
        save(user);
        if (deactivating) {
            signOutEverywhere(user.email());
        }
    }

    void resetPassword(UUID id, String password) {
        PasswordRules.check("password", password);
        User user = user(id);
        user.changePassword(passwords.encode(password));
        save(user);
        signOutEverywhere(user.email());
    }

    void renameSelf(UUID id, String name, long version) {
        User user = user(id);
        checkVersion(user.version(), version);
        user.rename(name);
        save(user);
    }

    void changeOwnPassword(UUID id, String current, String password) {
        User user = user(id);
        if (!passwords.matches(current, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "profile.wrongPassword");
        }
        PasswordRules.check("newPassword", password);
        user.changePassword(passwords.encode(password));
        save(user);
    }

    UUID createTeam(String name) {
        if (teams.findByName(name).isPresent()) {
            throw new InvalidInputException("name", "teams.nameTaken");
        }
        try {
            return teams.save(Team.create(name, clock.instant())).id();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "teams.nameTaken");
        }
    }

    void renameTeam(UUID id, String name, long version) {
        Team team = teams.findById(id).orElseThrow(() -> new NotFoundException("error.teamNotFound"));
        checkVersion(team.version(), version);
        teams.findByName(name).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new InvalidInputException("name", "teams.nameTaken");
        });
        team.rename(name);
        try {
            teams.save(team);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", team.version());
        }
    }

    private void requireTeam(UUID teamId) {
        if (teamId != null && !teams.existsById(teamId)) {
            throw new InvalidInputException("teamId", "error.teamNotFound");
        }
    }

    private void signOutEverywhere(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }

    private User saveUnique(User user) {
        try {
            return users.save(user);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "users.emailTaken");
        }
    }

    private void save(User user) {
        try {
            users.save(user);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", user(user.id()).version());
        }
    }

    private static void checkVersion(long current, long submitted) {
        if (current != submitted) {
            throw new StaleVersionException("error.stale", current);
        }
    }
}
