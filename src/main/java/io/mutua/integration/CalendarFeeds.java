package io.mutua.integration;

import io.mutua.collaboration.ParticipantRevoked;
import io.mutua.collaboration.ParticipantView;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanService;
import io.mutua.web.ConflictException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds of plans: each belongs to one plan and one holder, a seller user or a buyer participant, who
 * manages only their own. The address holds a secret token of which only a hash is stored, so it is shown once,
 * when issued; regenerating gives a new address and kills the old one at once; revoking ends the feed. Reading a
 * feed needs no sign-in (calendar apps cannot sign in) but renders only what its holder may see at that moment.
 */
@Service
@Transactional
public class CalendarFeeds {

    static final int MAX_FEEDS = 10;
    static final String FEED_PATH = Paths.CALENDAR_FEEDS + "/";
    static final String SUFFIX = ".ics";

    private final CalendarFeedStore store;
    private final CalendarDocuments documents;
    private final PlanCalendar calendar;
    private final PlanService plans;
    private final Clock clock;

    CalendarFeeds(CalendarFeedStore store, CalendarDocuments documents, PlanCalendar calendar, PlanService plans,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.calendar = calendar;
        this.plans = plans;
        this.clock = clock;
    }

    // --- a seller's own feeds ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CalendarFeed> ofSeller(Viewer viewer, UUID planId) {
        plans.get(viewer, planId);
        return store.live(planId, FeedHolder.seller(viewer.userId()));
    }

    public IssuedFeed createForSeller(Viewer viewer, UUID planId, FeedScope scope) {
        plans.get(viewer, planId);
        return create(planId, FeedHolder.seller(viewer.userId()), scope);
    }

    public IssuedFeed regenerateForSeller(Viewer viewer, UUID planId, UUID feedId) {
        plans.get(viewer, planId);
        return regenerate(planId, FeedHolder.seller(viewer.userId()), feedId);
    }

    public void revokeForSeller(Viewer viewer, UUID planId, UUID feedId) {
        plans.get(viewer, planId);
        revoke(planId, FeedHolder.seller(viewer.userId()), feedId);
    }

    // --- a buyer's own feeds; the caller has checked the participant's access (BuyerAccess) -------------------------

    @Transactional(readOnly = true)
    public List<CalendarFeed> ofBuyer(ParticipantView me) {
        return store.live(me.planId(), FeedHolder.buyer(me.id()));
    }

    public IssuedFeed createForBuyer(ParticipantView me, FeedScope scope) {
        return create(me.planId(), FeedHolder.buyer(me.id()), scope);
    }

    public IssuedFeed regenerateForBuyer(ParticipantView me, UUID feedId) {
        return regenerate(me.planId(), FeedHolder.buyer(me.id()), feedId);
    }

    public void revokeForBuyer(ParticipantView me, UUID feedId) {
        revoke(me.planId(), FeedHolder.buyer(me.id()), feedId);
    }

    /** Someone whose access to a plan ends loses its feeds for good, even if they are added again later. */
    @EventListener
    void on(ParticipantRevoked revoked) {
        store.revokeAllOf(revoked.participantId(), clock.instant());
    }

    // --- reading a feed ----------------------------------------------------------------------------------------------

    /**
     * The calendar behind a feed address, while the feed is live and its holder may still see the plan; empty (so
     * "not found") otherwise. Each successful read is recorded as the feed's last fetch. Outside a transaction, as
     * the holder's access is checked by services that refuse with an exception, each in its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<String> read(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<CalendarFeedStore.Live> feed = store.liveByTokenHash(FeedTokens.hash(token));
        Optional<String> ics = feed.flatMap(documents::forFeed);
        ics.ifPresent(found -> store.fetched(feed.get().id(), clock.instant()));
        return ics;
    }

    private IssuedFeed create(UUID planId, FeedHolder holder, FeedScope scope) {
        if (scope == null) {
            throw new InvalidInputException("scope", "validation.required");
        }
        if (store.live(planId, holder).size() >= MAX_FEEDS) {
            throw new ConflictException("feeds.tooMany", MAX_FEEDS);
        }
        UUID id = UUID.randomUUID();
        String token = FeedTokens.newToken();
        store.insert(id, planId, holder, scope, FeedTokens.hash(token), clock.instant());
        return issued(id, token);
    }

    private IssuedFeed regenerate(UUID planId, FeedHolder holder, UUID feedId) {
        String token = FeedTokens.newToken();
        if (!store.replaceToken(feedId, planId, holder, FeedTokens.hash(token), clock.instant())) {
            throw new ConflictException("feeds.feedNotFound");
        }
        return issued(feedId, token);
    }

    private void revoke(UUID planId, FeedHolder holder, UUID feedId) {
        if (!store.revoke(feedId, planId, holder, clock.instant())) {
            throw new ConflictException("feeds.feedNotFound");
        }
    }

    private IssuedFeed issued(UUID feedId, String token) {
        return new IssuedFeed(feedId, calendar.url(FEED_PATH + token + SUFFIX));
    }
}
