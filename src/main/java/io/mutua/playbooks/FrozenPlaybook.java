package io.mutua.playbooks;

import java.util.UUID;

/** The content version handed out to a plan; it never changes afterwards. */
public record FrozenPlaybook(UUID playbookId, String name, int contentVersion, PlaybookContent content) {
}
