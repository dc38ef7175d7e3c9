package io.mutua.plans;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** An owner of a step: a seller user, a participant of either side, or a role placeholder until one is named. */
@Table("plan_step_owner")
record StepOwner(UUID userId, String role, UUID participantId) {

    static StepOwner user(UUID userId) {
        return new StepOwner(userId, null, null);
    }

    static StepOwner role(String role) {
        return new StepOwner(null, role, null);
    }

    static StepOwner participant(UUID participantId) {
        return new StepOwner(null, null, participantId);
    }
}
