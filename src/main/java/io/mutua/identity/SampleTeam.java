package io.mutua.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The sample sales team: a manager, two reps and customer success; they share the admin's password. */
@Component
class SampleTeam {

    record Member(String email, String name, Role role) {
    }

    static final List<Member> MEMBERS = List.of(
            new Member("eleni.manager@example.com", "Eleni Papadaki", Role.MANAGER),
            new Member("nikos.rep@example.com", "Nikos Georgiou", Role.REP),
            new Member("sarah.rep@example.com", "Sarah Collins", Role.REP),
            new Member("daniel.cs@example.com", "Daniel Weber", Role.CS));

    private final UserRepository users;
    private final TeamRepository teams;
    private final Clock clock;

    SampleTeam(UserRepository users, TeamRepository teams, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.clock = clock;
    }

    UUID create(User admin, String passwordHash) {
        Team team = teams.save(Team.create("Enterprise Sales", clock.instant()));
        for (Member member : MEMBERS) {
            if (!member.email().equalsIgnoreCase(admin.email())) {
                users.save(User.create(member.email(), member.name(), passwordHash, member.role(), team.id(),
                        clock.instant()));
            }
        }
        return team.id();
    }
}
