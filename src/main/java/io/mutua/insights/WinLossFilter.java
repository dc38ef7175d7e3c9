package io.mutua.insights;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which closed deals a win-loss analysis covers: closed from {@code from} to {@code to} (inclusive, in the team's
 * time zone), owned by someone the viewer may see ({@code visibleOwners}, {@code null} = anyone), narrowed by the
 * team, owner, playbook (of the deal's sales plan) and segment the viewer picked.
 */
record WinLossFilter(LocalDate from, LocalDate to, Set<UUID> visibleOwners, UUID team, UUID owner, UUID playbook,
        String segment) {
}
