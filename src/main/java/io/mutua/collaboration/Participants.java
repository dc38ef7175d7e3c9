package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanConverted;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of both sides on a mutual action plan, as the sales team manages them: add buyer contacts and
 * colleagues, invite buyers by magic link, name the buyer's main contact, revoke access.
 */
@Service
@Transactional
public class Participants {

    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ParticipantRepository participants;
    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final Users users;
    private final LinkMails mails;
    private final PlanVisits visits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Participants(ParticipantRepository participants, PlanService plans, BuyerPlans buyerPlans, Users users,
            LinkMails mails, PlanVisits visits, ApplicationEventPublisher events, Clock clock) {
        this.participants = participants;
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.users = users;
        this.mails = mails;
        this.visits = visits;
        this.events = events;
        this.clock = clock;
    }

    /** Everyone on the plan, with when each last opened it. */
    @Transactional(readOnly = true)
    public List<ParticipantView> list(Viewer viewer, UUID planId) {
        plans.get(viewer, planId);
        Map<UUID, PlanVisits.Engagement> engagement = visits.engagement(planId);
        return participants.findByPlan(planId).stream().map(participant -> {
            PlanVisits.Engagement seen = engagement.get(participant.id());
            return participant.view(seen == null ? null : seen.lastSeen(), seen == null ? 0 : seen.visits());
        }).toList();
    }

    /** The colleagues who could join the plan: active users whose deals the viewer sees, not on the plan yet. */
    @Transactional(readOnly = true)
    public List<UserSummary> colleaguesToAdd(Viewer viewer, UUID planId) {
        plans.get(viewer, planId);
        Set<UUID> onPlan = participants.findByPlan(planId).stream().filter(Participant::active)
                .map(Participant::userId).filter(Objects::nonNull).collect(Collectors.toSet());
        return plans.possibleOwners(viewer).stream().filter(user -> !onPlan.contains(user.id())).toList();
    }

    /** Adds a buyer contact; someone revoked before comes back. */
    public ParticipantView addBuyer(Viewer viewer, UUID planId, String name, String email, String title,
            BuyingRole role) {
        PlanView plan = changeableMutualPlan(viewer, planId);
        String cleanName = requireText("name", name, MAX_NAME);
        String cleanEmail = requireEmail(email);
        String cleanTitle = optionalText("title", title, MAX_TITLE);
        Optional<Participant> existing = participants.findOnPlan(planId, cleanEmail);
        Participant participant;
        if (existing.isPresent()) {
            participant = existing.get();
            if (!participant.buyer() || participant.active()) {
                throw new InvalidInputException("email", "participants.alreadyOnPlan");
            }
            participant.restore();
            participant.describe(cleanName, cleanTitle, role);
        } else {
            participant = Participant.buyer(planId, cleanName, cleanEmail, cleanTitle, role, clock.instant());
        }
        participants.save(participant);
        // The name only: the activity is shared, and buyers need not learn each other's addresses from it.
        plans.recordActivity(plan.id(), null, viewer.userId(), null, PlanChange.PARTICIPANT_ADDED, cleanName, null,
                null, false);
        return participant.view(null, 0);
    }

    /** Adds a colleague: one of the people whose deals the viewer sees; someone revoked before comes back. */
    public ParticipantView addSeller(Viewer viewer, UUID planId, UUID userId, String title) {
        PlanView plan = changeableMutualPlan(viewer, planId);
        UserSummary user = plans.possibleOwners(viewer).stream().filter(candidate -> candidate.id().equals(userId))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("userId", "participants.notAColleague"));
        String cleanTitle = optionalText("title", title, MAX_TITLE);
        Optional<Participant> existing = participants.findOnPlan(planId, user.email());
        Participant participant;
        if (existing.isPresent()) {
            participant = existing.get();
            if (participant.buyer() || participant.active()) {
                throw new InvalidInputException("userId", "participants.alreadyOnPlan");
            }
            participant.restore();
            participant.describe(user.name(), cleanTitle, null);
            save(participant);
        } else {
            participant = participants.save(Participant.seller(planId, user.id(), user.name(), user.email(),
                    cleanTitle, clock.instant()));
        }
        plans.recordActivity(plan.id(), null, viewer.userId(), null, PlanChange.PARTICIPANT_ADDED, user.name(), null,
                null, false);
        return participant.view(null, 0);
    }

    /** Emails a buyer a magic link to the plan. */
    public void invite(Viewer viewer, UUID planId, UUID participantId) {
        PlanView plan = changeableMutualPlan(viewer, planId);
        Participant participant = buyerOn(planId, participantId);
        if (!participant.active()) {
            throw new ConflictException("participants.revoked");
        }
        String inviter = users.find(viewer.userId()).map(UserSummary::name).orElse("");
        // The email goes to the buyer: it names the account as buyers see it, never the deal's internal name.
        String account = buyerPlans.view(planId).dealName();
        mails.invitation(participant.email(), participant.name(), inviter, account, plan.language(), planId);
        participant.invited(clock.instant());
        save(participant);
        plans.recordActivity(planId, null, viewer.userId(), null, PlanChange.PARTICIPANT_INVITED, participant.name(),
                null, null, false);
    }

    /** Ends a participant's access at once, open live connections included. */
    public void revoke(Viewer viewer, UUID planId, UUID participantId, long expectedVersion) {
        changeableMutualPlan(viewer, planId);
        Participant participant = participants.findById(participantId)
                .filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("participants.notFound"));
        if (participant.version() != expectedVersion) {
            throw new StaleVersionException("error.stale", participant.version());
        }
        if (!participant.active()) {
            return;
        }
        participant.revoke(clock.instant());
        save(participant);
        plans.recordActivity(planId, null, viewer.userId(), null, PlanChange.PARTICIPANT_REVOKED, participant.name(),
                null, null, false);
        events.publishEvent(new ParticipantRevoked(planId, participantId));
    }

    /** Names the buyer's main contact, who co-owns the plan with the account executive. */
    public void makeMainContact(Viewer viewer, UUID planId, UUID participantId) {
        changeableMutualPlan(viewer, planId);
        Participant chosen = buyerOn(planId, participantId);
        if (!chosen.active()) {
            throw new ConflictException("participants.revoked");
        }
        if (chosen.isMainContact()) {
            return;
        }
        for (Participant other : participants.findByPlan(planId)) {
            if (other.buyer() && other.isMainContact() && !other.id().equals(participantId)) {
                other.mainContact(false);
                save(other);
            }
        }
        chosen.mainContact(true);
        save(chosen);
        plans.recordActivity(planId, null, viewer.userId(), null, PlanChange.MAIN_CONTACT, chosen.name(), null,
                null, false);
    }

    /** On conversion the deal's account executive joins the plan as the sales team's main contact. */
    @EventListener
    void on(PlanConverted converted) {
        users.find(converted.dealOwnerId()).ifPresent(owner -> {
            if (participants.findOnPlan(converted.planId(), owner.email()).isEmpty()) {
                Participant ae = Participant.seller(converted.planId(), owner.id(), owner.name(), owner.email(), null,
                        converted.at());
                ae.mainContact(true);
                participants.save(ae);
            }
        });
    }

    private PlanView changeableMutualPlan(Viewer viewer, UUID planId) {
        PlanView plan = plans.get(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        if (!plan.mutual()) {
            throw new ConflictException("plans.notMutual");
        }
        return plan;
    }

    private Participant buyerOn(UUID planId, UUID participantId) {
        return participants.findById(participantId)
                .filter(found -> found.planId().equals(planId) && found.buyer())
                .orElseThrow(() -> new NotFoundException("participants.notFound"));
    }

    private void save(Participant participant) {
        try {
            participants.save(participant);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", participant.version());
        }
    }

    static String requireEmail(String email) {
        String clean = email == null ? "" : email.trim();
        if (clean.isEmpty()) {
            throw new InvalidInputException("email", "validation.required");
        }
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            throw new InvalidInputException("email", "validation.email");
        }
        return clean.toLowerCase(Locale.ROOT);
    }

    private static String requireText(String field, String value, int max) {
        String clean = optionalText(field, value, max);
        if (clean == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return clean;
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim();
        if (clean.length() > max) {
            throw new InvalidInputException(field, "validation.maxLength", max);
        }
        return clean;
    }
}
