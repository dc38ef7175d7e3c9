package io.mutua.playbooks;

import java.time.Instant;

/** One content version of a playbook: whether plans use it (frozen), when it was started and how many steps it has. */
public record PlaybookVersionView(int number, boolean frozen, Instant createdAt, int stepCount) {
}
