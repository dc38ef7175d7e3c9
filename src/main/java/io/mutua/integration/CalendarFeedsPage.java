package io.mutua.integration;

import java.util.List;
import java.util.UUID;

/**
 * The calendar page of a plan, for a seller ({@code /plans/{id}/calendar}) or a buyer
 * ({@code /b/plans/{id}/calendar}): the reader's own feeds and the form to create one. {@code issued} is the address
 * just created or regenerated, shown this once; {@code confirmation} and {@code notice} say what just happened or
 * why it did not. {@code title} is what the plan is called on that side (the deal for sellers, the account for
 * buyers), {@code parentTitle} and {@code parentPath} the page above the plan in the breadcrumb.
 */
public record CalendarFeedsPage(UUID planId, String title, boolean buyer, String basePath, String planPath,
        String parentTitle, String parentPath, List<CalendarFeed> feeds, IssuedFeed issued, String confirmation,
        String notice) {

    static final String PANEL_ID = "calendar-feeds";

    public String panelId() {
        return PANEL_ID;
    }

    public String target() {
        return "#" + PANEL_ID;
    }

    public String regeneratePath(CalendarFeed feed) {
        return basePath + "/" + feed.id() + "/regenerate";
    }

    public String revokePath(CalendarFeed feed) {
        return basePath + "/" + feed.id() + "/revoke";
    }

    /** The address just issued for this feed, if it is the one. */
    public IssuedFeed issuedFor(CalendarFeed feed) {
        return issued != null && issued.feedId().equals(feed.id()) ? issued : null;
    }

    public List<FeedScope> scopes() {
        return List.of(FeedScope.values());
    }
}
