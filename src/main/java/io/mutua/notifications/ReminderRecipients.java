package io.mutua.notifications;

import io.mutua.collaboration.ParticipantContacts;
import io.mutua.collaboration.ParticipantContacts.Contact;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The people reminders may go to, looked up once per run: active seller users, and buyers who were invited, are
 * still on the plan and may see what they are reminded of. Role placeholders are nobody.
 */
@Component
class ReminderRecipients {

    private final Users users;
    private final ParticipantContacts participants;

    ReminderRecipients(Users users, ParticipantContacts participants) {
        this.users = users;
        this.participants = participants;
    }

    People lookUp(Collection<UUID> userIds, Collection<UUID> participantIds) {
        Map<UUID, Contact> contacts = participants.byIds(Set.copyOf(participantIds));
        Set<UUID> allUsers = new HashSet<>(userIds);
        contacts.values().stream().map(Contact::userId).filter(Objects::nonNull).forEach(allUsers::add);
        return new People(users.byIds(allUsers), contacts);
    }

    final class People {

        private final Map<UUID, UserSummary> sellers;
        private final Map<UUID, Contact> contacts;
        private final Map<String, String> languages = new HashMap<>();

        private People(Map<UUID, UserSummary> sellers, Map<UUID, Contact> contacts) {
            this.sellers = sellers;
            this.contacts = contacts;
        }

        Optional<Recipient> seller(UUID userId) {
            UserSummary user = userId == null ? null : sellers.get(userId);
            if (user == null || !user.active()) {
                return Optional.empty();
            }
            return Optional.of(Recipient.seller(user.email(), user.id(), languageOf(user.email())));
        }

        /** A participant about something of their plan: buyers only about what is shared with them. */
        Optional<Recipient> participant(UUID participantId, boolean shared, String planLanguage) {
            Contact contact = contacts.get(participantId);
            if (contact == null || !contact.active()) {
                return Optional.empty();
            }
            if (!contact.buyer()) {
                return seller(contact.userId());
            }
            if (!shared || !contact.invited()) {
                return Optional.empty();
            }
            return Optional.of(Recipient.buyer(contact.email(), contact.id(), planLanguage));
        }

        private String languageOf(String email) {
            return languages.computeIfAbsent(email,
                    key -> users.preferredLocale(key).orElse(Locale.ENGLISH).getLanguage());
        }
    }
}
