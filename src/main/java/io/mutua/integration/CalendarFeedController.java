package io.mutua.integration;

import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.web.Htmx;
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

/** A seller's calendar feeds of a plan they may see: list, create, give a new address, revoke. */
@Controller
class CalendarFeedController {

    static final String PAGE = "/plans/{planId}/calendar";
    static final String FEED = PAGE + "/{feedId}";

    private final CalendarFeeds feeds;
    private final PlanService plans;
    private final DealService deals;
    private final CalendarFeedPages pages;

    CalendarFeedController(CalendarFeeds feeds, PlanService plans, DealService deals, CalendarFeedPages pages) {
        this.feeds = feeds;
        this.plans = plans;
        this.deals = deals;
        this.pages = pages;
    }

    @GetMapping(PAGE)
    String page(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        return pages.show(page(viewer, planId, pages.carried(model)), Htmx.isHtmx(request), model);
    }

    @PostMapping(PAGE)
    String create(Viewer viewer, @PathVariable UUID planId, @RequestParam(required = false) String scope,
            Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        return pages.change(() -> FeedOutcome.issued(feeds.createForSeller(viewer, planId,
                        CalendarFeedPages.scope(scope))), path(planId), outcome -> page(viewer, planId, outcome),
                locale, request, response, redirect, model);
    }

    @PostMapping(FEED + "/regenerate")
    String regenerate(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID feedId, Locale locale,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return pages.change(() -> FeedOutcome.issued(feeds.regenerateForSeller(viewer, planId, feedId)),
                path(planId), outcome -> page(viewer, planId, outcome), locale, request, response, redirect, model);
    }

    @PostMapping(FEED + "/revoke")
    String revoke(Viewer viewer, @PathVariable UUID planId, @PathVariable UUID feedId, Locale locale,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return pages.change(() -> {
            feeds.revokeForSeller(viewer, planId, feedId);
            return FeedOutcome.confirmed(pages.message("feeds.revoked", locale));
        }, path(planId), outcome -> page(viewer, planId, outcome), locale, request, response, redirect, model);
    }

    private CalendarFeedsPage page(Viewer viewer, UUID planId, FeedOutcome outcome) {
        PlanView plan = plans.get(viewer, planId);
        DealView deal = deals.get(viewer, plan.dealId());
        return new CalendarFeedsPage(planId, deal.name(), false, path(planId), "/deals/" + deal.id() + "/plan",
                deal.name(), "/deals/" + deal.id(), feeds.ofSeller(viewer, planId), outcome.issued(),
                outcome.confirmation(), outcome.notice());
    }

    private static String path(UUID planId) {
        return "/plans/" + planId + "/calendar";
    }
}
