package io.mutua.collaboration;

import io.mutua.identity.Viewer;
import io.mutua.plans.ActivityView;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Changes since your last visit": what others changed in a plan since the viewer last opened it. Loading the
 * panel is what counts as a visit, for sellers and buyers alike, so it is also what engagement is made of.
 */
@Controller
public class ChangesController {

    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final BuyerAccess buyers;
    private final PlanVisits visits;

    ChangesController(PlanService plans, BuyerPlans buyerPlans, BuyerAccess buyers, PlanVisits visits) {
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.buyers = buyers;
        this.visits = visits;
    }

    /** The panel: empty on a first visit; otherwise the changes since the previous one, newest first. */
    public record ChangesPanel(Instant since, List<ActivityView> changes) {

        static ChangesPanel of(Optional<Instant> previous, List<ActivityView> changes) {
            return new ChangesPanel(previous.orElse(null), changes);
        }

        public boolean firstVisit() {
            return since == null;
        }
    }

    @GetMapping("/plans/{planId}/changes")
    String seller(Viewer viewer, @PathVariable UUID planId, Model model) {
        plans.get(viewer, planId);
        Optional<Instant> previous = visits.visitByUser(planId, viewer.userId());
        List<ActivityView> changes = previous.map(since -> plans.changesSince(viewer, planId, since))
                .orElse(List.of());
        model.addAttribute("panel", ChangesPanel.of(previous, changes));
        return "collaboration/changes";
    }

    @GetMapping("/b/plans/{planId}/changes")
    String buyer(Buyer buyer, @PathVariable UUID planId, Model model) {
        ParticipantView participant = buyers.participant(buyer.email(), planId);
        Optional<Instant> previous = visits.visitByParticipant(planId, participant.id());
        List<ActivityView> changes = previous.map(since -> buyerPlans.activity(planId, participant.id(), since))
                .orElse(List.of());
        model.addAttribute("panel", ChangesPanel.of(previous, changes));
        return "collaboration/changes";
    }
}
