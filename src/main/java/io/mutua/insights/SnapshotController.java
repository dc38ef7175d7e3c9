package io.mutua.insights;

import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.Viewer;
import io.mutua.insights.SnapshotContent.StepPart;
import io.mutua.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** "Snapshot at close": a closed deal's plan as it stood, baseline against actual, for sellers. */
@Controller
public class SnapshotController {

    private final DealService deals;
    private final Snapshots snapshots;

    SnapshotController(DealService deals, Snapshots snapshots) {
        this.deals = deals;
        this.snapshots = snapshots;
    }

    public record SnapshotPage(DealView deal, DealSnapshot snapshot) {

        public SnapshotContent content() {
            return snapshot.content();
        }

        public List<StepPart> steps() {
            return content().plan() == null ? List.of() : content().plan().steps();
        }

        public String slipClass(StepPart step) {
            return step.slipDays() > 0 ? "snapshot-slip late" : step.slipDays() < 0 ? "snapshot-slip early"
                    : "snapshot-slip";
        }

        public String owners(StepPart step) {
            return String.join(", ", step.owners().stream().map(owner -> owner.name() != null ? owner.name()
                    : owner.role() == null ? "–" : owner.role()).toList());
        }
    }

    @GetMapping("/deals/{id}/snapshot")
    String show(Viewer viewer, @PathVariable UUID id, Model model) {
        DealId dealId = new DealId(id);
        DealView deal = deals.get(viewer, dealId);
        DealSnapshot snapshot = snapshots.of(dealId).orElseThrow(() -> new NotFoundException("snapshot.notFound"));
        model.addAttribute("page", new SnapshotPage(deal, snapshot));
        return "insights/snapshot";
    }
}
