package io.mutua.collaboration;

/** Where a participant stands: added, invited by magic link, has opened the plan, or no longer has access. */
public enum ParticipantStatus {
    ADDED, INVITED, JOINED, REVOKED
}
