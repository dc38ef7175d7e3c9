package io.mutua.collaboration;

import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanView;
import io.mutua.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyers' half of the plan access policy: a buyer reaches a plan only while their email is a non-revoked
 * buyer participant of it, checked on every request. Anything else is "not found", exactly like a plan that does
 * not exist.
 */
@Component
@Transactional(readOnly = true)
public class BuyerAccess {

    private final ParticipantRepository participants;
    private final BuyerPlans plans;

    BuyerAccess(ParticipantRepository participants, BuyerPlans plans) {
        this.participants = participants;
        this.plans = plans;
    }

    /** The buyer's participant record on the plan, or not found. */
    public ParticipantView participant(String email, UUID planId) {
        return participants.findOnPlan(planId, email)
                .filter(participant -> participant.buyer() && participant.active())
                .map(participant -> participant.view(null, 0))
                .orElseThrow(() -> new NotFoundException("plans.notFound"));
    }

    /** Every mutual action plan the buyer takes part in. */
    public List<PlanView> plans(String email) {
        return participants.findActiveBuyer(email).stream()
                .map(participant -> plans.view(participant.planId()))
                .toList();
    }
}
