package io.mutua.forecasting.crm;

import io.mutua.identity.UserSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the owner a CRM export names: a user by email (ignoring case) or by exact name (trimmed, ignoring case); blank
 * means the person importing. Anyone else is a named owner, who the import creates.
 */
final class OwnerDirectory {

    private final Map<String, UUID> byEmail = new HashMap<>();
    private final Map<String, List<UUID>> byName = new HashMap<>();
    private final UUID importer;

    OwnerDirectory(List<UserSummary> users, UUID importer) {
        this.importer = importer;
        for (UserSummary user : users) {
            byEmail.put(user.email().toLowerCase(Locale.ROOT), user.id());
            byName.computeIfAbsent(key(user.name()), name -> new ArrayList<>()).add(user.id());
        }
    }

    /** Who owns a deal: a user's id, or a named owner to find or create. */
    record Owner(UUID id, String name, String email) {

        boolean known() {
            return id != null;
        }

        String key() {
            return email != null ? email.toLowerCase(Locale.ROOT) : "name:" + OwnerDirectory.key(name);
        }
    }

    /** Throws {@link BadCell} when two users share the name. */
    Owner resolve(String column, String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return new Owner(importer, null, null);
        }
        if (value.contains("@")) {
            UUID id = byEmail.get(value.toLowerCase(Locale.ROOT));
            return id != null ? new Owner(id, null, null) : new Owner(null, null, value);
        }
        List<UUID> named = byName.getOrDefault(key(value), List.of());
        if (named.size() > 1) {
            throw new BadCell("crm.error.ambiguousOwner", column, value);
        }
        return named.isEmpty() ? new Owner(null, value, null) : new Owner(named.get(0), null, null);
    }

    /** Remembers a named owner once created, so that the next rows find them. */
    void add(Owner named, UUID id) {
        if (named.email() != null) {
            byEmail.put(named.email().toLowerCase(Locale.ROOT), id);
        } else {
            byName.put(key(named.name()), List.of(id));
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
