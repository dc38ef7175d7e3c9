package io.mutua.playbooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A playbook with its current content. {@code version} is the optimistic-lock version of the playbook;
 * {@code contentVersion} the number of the content version; {@code frozen} whether plans use that version,
 * so that the next edit starts a new one.
 */
public record PlaybookView(UUID id, PlaybookSettings settings, boolean archived, int contentVersion, boolean frozen,
        PlaybookContent content, Instant updatedAt, long version) {

    public String name() {
        return settings.name();
    }

    public int stepCount() {
        return content.steps().size();
    }
}
