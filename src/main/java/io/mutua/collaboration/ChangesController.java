package io.mutua.collaboration;

import io.mutua.identity.Viewer;
import io.mutua.plans.ActivityView;
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
 * "Changes since your last visit": what others changed in a plan since the viewer last opened it. The seller's
 * plan page loads this panel, and loading it is what counts as a seller's visit; the buyer's plan page records
 * the visit and renders the same panel itself.
 */
@Controller
public class ChangesController {

    private final PlanService plans;
    private final PlanVisits visits;

    ChangesController(PlanService plans, PlanVisits visits) {
        this.plans = plans;
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
}
