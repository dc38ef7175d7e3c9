package io.mutua.playbooks;

/** Internal steps stay with the sales team forever; shared steps are part of the mutual action plan. */
public enum Visibility {
    INTERNAL, SHARED
}
