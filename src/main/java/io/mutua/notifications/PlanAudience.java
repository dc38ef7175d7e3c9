package io.mutua.notifications;

import io.mutua.deals.DealService;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.web.Languages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns the people around a change into recipients, applying the rules every notification obeys: the actor is
 * never told, a buyer only while their access lasts and only about what buyers may see, a seller only while
 * active and only about plans they may see. Emails go out in the reader's language: a buyer's is the plan's, a
 * seller's is their own.
 */
@Component
class PlanAudience {

    private final PlanPeople people;
    private final Users users;
    private final DealService deals;

    PlanAudience(PlanPeople people, Users users, DealService deals) {
        this.people = people;
        this.users = users;
        this.deals = deals;
    }

    /** Someone who may be told, with the name and language their email uses. */
    record Reader(PlanPeople.Ref ref, Recipient recipient, String name, Locale locale) {

        boolean buyer() {
            return recipient.buyer();
        }
    }

    /** The readers of one plan, for one change made by {@code actor} (null when Mutua made it). */
    Of of(PlanPeople.PlanFacts plan, PlanPeople.Ref actor) {
        return new Of(plan, actor);
    }

    class Of {

        private final PlanPeople.PlanFacts plan;
        private final PlanPeople.Ref actor;
        private final Map<String, PlanPeople.Member> members = new LinkedHashMap<>();
        private final Map<UUID, Boolean> sellerMaySee = new HashMap<>();

        private Of(PlanPeople.PlanFacts plan, PlanPeople.Ref actor) {
            this.plan = plan;
            this.actor = actor;
            people.members(plan.id()).forEach(member -> members.put(member.ref().key(), member));
        }

        PlanPeople.PlanFacts plan() {
            return plan;
        }

        /** Everyone on the plan: its active participants and the deal's owner. */
        List<PlanPeople.Ref> everyone() {
            List<PlanPeople.Ref> all = new ArrayList<>(members.values().stream()
                    .map(PlanPeople.Member::ref).toList());
            all.add(PlanPeople.Ref.user(plan.dealOwnerId()));
            return all;
        }

        /** The sellers on the plan: its seller participants and the deal's owner. */
        List<PlanPeople.Ref> sellers() {
            return everyone().stream().filter(ref -> ref.userId() != null).toList();
        }

        /** The main contact of each side (the deal's owner stands for the sales team when none is chosen). */
        List<PlanPeople.Ref> mainContacts() {
            List<PlanPeople.Ref> contacts = new ArrayList<>(members.values().stream()
                    .filter(PlanPeople.Member::mainContact).map(PlanPeople.Member::ref).toList());
            if (contacts.stream().noneMatch(ref -> ref.userId() != null)) {
                contacts.add(PlanPeople.Ref.user(plan.dealOwnerId()));
            }
            return contacts;
        }

        /** The participant as a seller user or a buyer participant, while their access lasts. */
        Optional<PlanPeople.Ref> participant(UUID participantId) {
            return members.values().stream().filter(member -> member.participantId().equals(participantId))
                    .map(PlanPeople.Member::ref).findFirst();
        }

        /**
         * Who follows a step: its owners (also those it had before the change, {@code ownersBefore}), the people
         * who commented on it, and the main contact of each side.
         */
        List<PlanPeople.Ref> followers(UUID stepId, Set<PlanPeople.Ref> ownersBefore) {
            Set<PlanPeople.Ref> followers = new LinkedHashSet<>(ownersBefore);
            followers.addAll(people.owners(stepId));
            followers.addAll(people.commenters(stepId));
            followers.addAll(mainContacts());
            return List.copyOf(followers);
        }

        Optional<String> nameOf(PlanPeople.Ref ref) {
            if (ref == null) {
                return Optional.empty();
            }
            PlanPeople.Member member = members.get(ref.key());
            if (member != null) {
                return Optional.of(member.name());
            }
            return ref.userId() == null ? Optional.empty() : users.find(ref.userId()).map(UserSummary::name);
        }

        /**
         * The reader {@code ref} is, when they may be told about something that buyers may ({@code forBuyers}) or
         * may not know.
         */
        Optional<Reader> reader(PlanPeople.Ref ref, boolean forBuyers) {
            if (ref == null || Objects.equals(ref, actor)) {
                return Optional.empty();
            }
            if (ref.participantId() != null) {
                PlanPeople.Member member = members.get(ref.key());
                if (member == null || !member.buyer() || !forBuyers || !plan.mutual()) {
                    return Optional.empty();
                }
                String language = Languages.supported(plan.language()).orElse(Locale.ENGLISH).getLanguage();
                return Optional.of(new Reader(ref, Recipient.buyer(member.email(), ref.participantId(), language),
                        member.name(), Locale.forLanguageTag(language)));
            }
            Optional<UserSummary> user = users.find(ref.userId()).filter(UserSummary::active);
            if (user.isEmpty() || !maySee(user.get())) {
                return Optional.empty();
            }
            Locale locale = users.preferredLocale(user.get().email()).orElse(Locale.ENGLISH);
            return Optional.of(new Reader(ref, Recipient.seller(user.get().email(), ref.userId(),
                    locale.getLanguage()), user.get().name(), locale));
        }

        private boolean maySee(UserSummary user) {
            return sellerMaySee.computeIfAbsent(user.id(), id -> members.containsKey(PlanPeople.Ref.user(id).key())
                    || id.equals(plan.dealOwnerId())
                    || deals.visibleOwners(users.viewer(id)).stream()
                            .anyMatch(owner -> owner.id().equals(plan.dealOwnerId())));
        }
    }
}
