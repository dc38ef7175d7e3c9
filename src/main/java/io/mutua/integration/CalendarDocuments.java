package io.mutua.integration;

import io.mutua.collaboration.BuyerAccess;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealService;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.Audience;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.OwnerView;
import io.mutua.plans.ParticipantDirectory;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.web.NotFoundException;
import io.mutua.web.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar of a plan as one person may see it, read through the same services as their pages: a seller gets
 * what {@link PlanService#get} shows them (every step), a buyer what {@link BuyerPlans#view} shows buyers (shared
 * steps only, filtered in SQL). A feed is rendered only while its holder still has that access.
 */
@Component
class CalendarDocuments {

    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final DealService deals;
    private final Users users;
    private final Participants participants;
    private final BuyerAccess buyerAccess;
    private final ParticipantDirectory directory;
    private final PlanCalendar calendar;

    CalendarDocuments(PlanService plans, BuyerPlans buyerPlans, DealService deals, Users users,
            Participants participants, BuyerAccess buyerAccess, ParticipantDirectory directory,
            PlanCalendar calendar) {
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.deals = deals;
        this.users = users;
        this.participants = participants;
        this.buyerAccess = buyerAccess;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** A seller's calendar of a plan, in their language; not found when they may not see it. */
    @Transactional(readOnly = true)
    String forSeller(Viewer viewer, UUID planId, FeedScope scope) {
        return calendar.render(sellerContent(viewer, planId, scope));
    }

    /** A buyer's calendar of a plan, in the plan's language; the caller has checked the participant's access. */
    @Transactional(readOnly = true)
    String forBuyer(ParticipantView me, FeedScope scope) {
        return calendar.render(buyerContent(me, scope));
    }

    CalendarContent sellerContent(Viewer viewer, UUID planId, FeedScope scope) {
        PlanView plan = plans.get(viewer, planId);
        String account = deals.get(viewer, plan.dealId()).account();
        Locale locale = users.preferredLocale(viewer.email()).orElse(Locale.ENGLISH);
        Predicate<StepView> chosen = step -> true;
        if (scope == FeedScope.MINE) {
            Set<UUID> asParticipant = plan.mutual() ? participants.list(viewer, planId).stream()
                    .filter(person -> viewer.userId().equals(person.userId()))
                    .map(ParticipantView::id).collect(Collectors.toSet()) : Set.of();
            chosen = step -> ownedBy(step, owner -> viewer.userId().equals(owner.userId())
                    || owner.participantId() != null && asParticipant.contains(owner.participantId()));
        }
        return new CalendarContent(plan, plan.steps().stream().filter(chosen).toList(), account, locale,
                calendar.url("/deals/" + plan.dealId() + "/plan"), scope == FeedScope.MINE, plans.lastChanges(planId, Audience.SELLER));
    }

    CalendarContent buyerContent(ParticipantView me, FeedScope scope) {
        // For buyers the plan's deal name is its account: the deal's own name is internal.
        PlanView plan = buyerPlans.view(me.planId());
        Locale locale = Locale.forLanguageTag(plan.language() == null ? "en" : plan.language());
        Predicate<OwnerView> isMe = owner -> me.id().equals(owner.participantId());
        List<StepView> steps = plan.steps().stream()
                .filter(step -> scope == FeedScope.PLAN || ownedBy(step, isMe))
                .toList();
        return new CalendarContent(plan, steps, plan.dealName(), locale,
                calendar.url(Paths.BUYER + "/plans/" + plan.id()), scope == FeedScope.MINE, plans.lastChanges(plan.id(), Audience.BUYER));
    }

    /**
     * The feed's calendar while its holder may still see the plan; empty otherwise. Deliberately outside any
     * transaction of its own: each access check runs in its own, so that a refusal does not doom a shared one.
     */
    Optional<String> forFeed(CalendarFeedStore.Live feed) {
        try {
            if (feed.holder().buyer()) {
                return buyer(feed.planId(), feed.holder().participantId()).map(me -> forBuyer(me, feed.scope()));
            }
            return Optional.of(forSeller(users.viewer(feed.holder().userId()), feed.planId(), feed.scope()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /** The participant, if they are still an active buyer on the plan. */
    private Optional<ParticipantView> buyer(UUID planId, UUID participantId) {
        ParticipantDirectory.Participant known = directory.byIds(List.of(participantId)).get(participantId);
        if (known == null || known.email() == null) {
            return Optional.empty();
        }
        ParticipantView me = buyerAccess.participant(known.email(), planId);
        return me.id().equals(participantId) ? Optional.of(me) : Optional.empty();
    }

    private static boolean ownedBy(StepView step, Predicate<OwnerView> holder) {
        return step.owners().stream().filter(OwnerView::person).anyMatch(holder);
    }
}
