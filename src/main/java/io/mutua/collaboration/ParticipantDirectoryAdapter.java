package io.mutua.collaboration;

import io.mutua.plans.ParticipantDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells plans who their participants are. */
@Component
class ParticipantDirectoryAdapter implements ParticipantDirectory {

    private final ParticipantRepository participants;

    ParticipantDirectoryAdapter(ParticipantRepository participants) {
        this.participants = participants;
    }

    @Override
    public Map<UUID, Participant> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return participants.findByIds(ids).stream()
                .map(p -> new Participant(p.id(), p.name(), p.email(), p.side()))
                .collect(Collectors.toMap(Participant::id, Function.identity()));
    }

    @Override
    public List<PlanParticipant> onPlan(UUID planId) {
        return participants.findByPlan(planId).stream()
                .map(participant -> participant.view(null, 0))
                .map(view -> new PlanParticipant(view.id(), view.name(), view.email(), view.title(), view.side(),
                        view.buyingRole() == null ? null : view.buyingRole().name(), view.mainContact(),
                        !view.active() ? "REVOKED" : view.invitedAt() != null ? "INVITED" : "ADDED", view.userId()))
                .toList();
    }

    @Override
    public boolean isActiveOn(UUID planId, UUID participantId) {
        return participants.findById(participantId)
                .filter(participant -> participant.planId().equals(planId) && participant.active())
                .isPresent();
    }
}
