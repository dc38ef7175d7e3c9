package io.mutua.integration;

import io.mutua.collaboration.ParticipantView;
import io.mutua.identity.UserSummary;
import io.mutua.plans.OwnerRef;
import io.mutua.playbooks.OwnerRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an owner written in a sheet is. "Name &lt;email&gt;" or a bare email address is matched by email: first to the
 * plan's buyer participants, then to the sellers who may own steps (the active colleagues whose deals the importer
 * sees) and the plan's seller participants. "role:CHAMPION" or just "CHAMPION" is a role placeholder. A name
 * without an email is matched by name when exactly one of those people has it.
 */
final class PlanPeople {

    private static final Pattern BRACKETED = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");

    private final List<Person> people;

    record Person(String name, String email, OwnerRef ref) {

        String who() {
            return personKey(email, ref.userId() != null ? ref.userId() : ref.participantId());
        }

        Resolved resolved() {
            return new Resolved(ref, who(), null);
        }
    }

    /**
     * An owner as read: the reference and who it is ({@link #personKey} or {@link #roleKey}, to compare with a
     * step's owners however they are referenced), or the key of what is wrong with it.
     */
    record Resolved(OwnerRef ref, String who, String problemKey) {

        static Resolved problem(String problemKey) {
            return new Resolved(null, null, problemKey);
        }
    }

    static String personKey(String email, UUID id) {
        return email == null ? "id:" + id : "email:" + email.toLowerCase(Locale.ROOT);
    }

    static String roleKey(String role) {
        return PlanSheet.ROLE_PREFIX + role;
    }

    private PlanPeople(List<Person> people) {
        this.people = people;
    }

    static PlanPeople of(List<ParticipantView> participants, List<UserSummary> sellers) {
        List<Person> people = new ArrayList<>();
        participants.stream().filter(ParticipantView::active).filter(ParticipantView::buyer)
                .forEach(p -> people.add(new Person(p.name(), p.email(), OwnerRef.participant(p.id()))));
        sellers.forEach(user -> people.add(new Person(user.name(), user.email(), OwnerRef.user(user.id()))));
        participants.stream().filter(ParticipantView::active).filter(p -> !p.buyer() && p.userId() != null)
                .forEach(p -> people.add(new Person(p.name(), p.email(), OwnerRef.user(p.userId()))));
        return new PlanPeople(people);
    }

    Resolved resolve(String written) {
        String token = written.strip();
        Optional<OwnerRole> role = role(token);
        if (role.isPresent()) {
            return new Resolved(OwnerRef.role(role.get().name()), roleKey(role.get().name()), null);
        }
        if (token.regionMatches(true, 0, PlanSheet.ROLE_PREFIX, 0, PlanSheet.ROLE_PREFIX.length())) {
            return Resolved.problem("spreadsheet.unknownRole");
        }
        Matcher bracketed = BRACKETED.matcher(token);
        String email = bracketed.find() ? bracketed.group(1) : token.contains("@") ? token : null;
        if (email != null) {
            return people.stream().filter(person -> person.email() != null && person.email().equalsIgnoreCase(email))
                    .findFirst()
                    .map(Person::resolved)
                    .orElse(Resolved.problem("spreadsheet.unknownOwner"));
        }
        Map<String, Person> named = new LinkedHashMap<>();
        people.stream().filter(person -> person.name() != null && person.name().strip().equalsIgnoreCase(token))
                .forEach(person -> named.putIfAbsent(person.who(), person));
        if (named.size() == 1) {
            return named.values().iterator().next().resolved();
        }
        return Resolved.problem(named.isEmpty() ? "spreadsheet.unknownOwner" : "spreadsheet.ambiguousOwner");
    }

    private static Optional<OwnerRole> role(String token) {
        String name = token.regionMatches(true, 0, PlanSheet.ROLE_PREFIX, 0, PlanSheet.ROLE_PREFIX.length())
                ? token.substring(PlanSheet.ROLE_PREFIX.length()) : token;
        String normalized = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (OwnerRole role : OwnerRole.values()) {
            if (role.name().equals(normalized)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
