package io.mutua.collaboration;

import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live streams of a plan's changes: one for sellers, one for buyers, each checked like the plan page. */
@Controller
class LiveController {

    static final String SELLER_STREAM = "/plans/{planId}/live";
    static final String BUYER_STREAM = "/b/plans/{planId}/live";

    private final PlanService plans;
    private final BuyerAccess buyers;
    private final LiveUpdates live;

    LiveController(PlanService plans, BuyerAccess buyers, LiveUpdates live) {
        this.plans = plans;
        this.buyers = buyers;
        this.live = live;
    }

    @GetMapping(path = SELLER_STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter seller(Viewer viewer, @PathVariable UUID planId) {
        plans.get(viewer, planId);
        return live.subscribeSeller(planId, viewer.userId());
    }

    @GetMapping(path = BUYER_STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter buyer(Buyer buyer, @PathVariable UUID planId) {
        ParticipantView participant = buyers.participant(buyer.email(), planId);
        return live.subscribeBuyer(planId, participant.id());
    }
}
