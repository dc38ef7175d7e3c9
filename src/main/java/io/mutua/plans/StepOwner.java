package io.mutua.plans;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** An owner of a step: a seller user, or a role placeholder until a person is known. */
@Table("plan_step_owner")
record StepOwner(UUID userId, String role) {

    static StepOwner user(UUID userId) {
        return new StepOwner(userId, null);
    }

    static StepOwner role(String role) {
        return new StepOwner(null, role);
    }
}
