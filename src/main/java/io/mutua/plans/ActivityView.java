package io.mutua.plans;

import java.time.Instant;
import java.util.List;

/** One entry of a plan's activity log; {@code actorName} is null for the system. */
public record ActivityView(Instant at, String actorName, PlanChange change, String subject, String before,
        String after) {

    public List<ActivityPart> beforeParts() {
        return ActivityPart.of(change, before);
    }

    public List<ActivityPart> afterParts() {
        return ActivityPart.of(change, after);
    }

    /** For a change whose subject is a named thing rather than free text: the message key of its name. */
    public String subjectKey() {
        return change == PlanChange.SECTION ? "mapSection." + subject : null;
    }

    public boolean hasValues() {
        return !beforeParts().isEmpty() || !afterParts().isEmpty();
    }
}
