package io.mutua.integration;

import io.mutua.collaboration.Buyer;
import io.mutua.collaboration.BuyerAccess;
import io.mutua.collaboration.ParticipantView;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanView;
import io.mutua.web.Htmx;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A buyer's calendar feeds of a mutual action plan they take part in, in the plan's language: list, create, give a
 * new address, revoke. Every request starts with the buyer's access to the plan; a feed only ever holds the
 * shared steps.
 */
@Controller
class BuyerCalendarFeedController {

    static final String PAGE = Paths.BUYER + "/plans/{planId}/calendar";
    static final String FEED = PAGE + "/{feedId}";

    private final BuyerAccess access;
    private final BuyerPlans buyerPlans;
    private final CalendarFeeds feeds;
    private final CalendarFeedPages pages;

    BuyerCalendarFeedController(BuyerAccess access, BuyerPlans buyerPlans, CalendarFeeds feeds,
            CalendarFeedPages pages) {
        this.access = access;
        this.buyerPlans = buyerPlans;
        this.feeds = feeds;
        this.pages = pages;
    }

    @GetMapping(PAGE)
    String page(Buyer buyer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        return pages.show(page(me, pages.carried(model)), Htmx.isHtmx(request), model);
    }

    @PostMapping(PAGE)
    String create(Buyer buyer, @PathVariable UUID planId, @RequestParam(required = false) String scope,
            Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        return pages.change(() -> FeedOutcome.issued(feeds.createForBuyer(me, CalendarFeedPages.scope(scope))),
                path(planId), outcome -> page(me, outcome), locale, request, response, redirect, model);
    }

    @PostMapping(FEED + "/regenerate")
    String regenerate(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID feedId, Locale locale,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        return pages.change(() -> FeedOutcome.issued(feeds.regenerateForBuyer(me, feedId)), path(planId),
                outcome -> page(me, outcome), locale, request, response, redirect, model);
    }

    @PostMapping(FEED + "/revoke")
    String revoke(Buyer buyer, @PathVariable UUID planId, @PathVariable UUID feedId, Locale locale,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        ParticipantView me = access.participant(buyer.email(), planId);
        return pages.change(() -> {
            feeds.revokeForBuyer(me, feedId);
            return FeedOutcome.confirmed(pages.message("feeds.revoked", locale));
        }, path(planId), outcome -> page(me, outcome), locale, request, response, redirect, model);
    }

    private CalendarFeedsPage page(ParticipantView me, FeedOutcome outcome) {
        // For buyers the plan's deal name is its account; the deal's own name is internal.
        PlanView plan = buyerPlans.view(me.planId());
        String planPath = Paths.BUYER + "/plans/" + plan.id();
        return new CalendarFeedsPage(plan.id(), plan.dealName(), true, path(plan.id()), planPath, null, Paths.BUYER,
                feeds.ofBuyer(me), outcome.issued(), outcome.confirmation(), outcome.notice());
    }

    private static String path(UUID planId) {
        return Paths.BUYER + "/plans/" + planId + "/calendar";
    }
}
