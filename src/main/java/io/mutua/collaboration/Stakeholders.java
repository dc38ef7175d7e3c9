package io.mutua.collaboration;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stakeholder table of a mutual action plan for its buyers: the active people of both sides. */
@Component
@Transactional(readOnly = true)
public class Stakeholders {

    private final BuyerAccess access;
    private final ParticipantRepository participants;

    Stakeholders(BuyerAccess access, ParticipantRepository participants) {
        this.access = access;
        this.participants = participants;
    }

    /** Everyone still on the plan, sellers first; not found unless the email is an active buyer on it. */
    public List<StakeholderView> forBuyer(String email, UUID planId) {
        access.participant(email, planId);
        return active(planId);
    }

    List<StakeholderView> active(UUID planId) {
        return participants.findByPlan(planId).stream()
                .filter(Participant::active)
                .map(Stakeholders::view)
                .toList();
    }

    private static StakeholderView view(Participant participant) {
        ParticipantView full = participant.view(null, 0);
        return new StakeholderView(full.id(), full.name(), full.title(), full.side(), full.buyingRole(),
                full.mainContact(), full.mainContact() ? full.email() : null);
    }
}
