package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.Audience;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.web.ConflictException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a plan or one of its steps, in Markdown. Sellers may keep a comment internal; a buyer never reads
 * an internal comment nor a comment on an internal step — the query leaves them out. "@" and a participant's name
 * or email mentions them: a {@link CommentPosted} event says so, and notifications tell them.
 */
@Service
@Transactional
public class Comments {

    static final int MAX_BODY = 10_000;
    static final int SHOWN = 200;

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final BuyerAccess buyers;
    private final Users users;
    private final ParticipantRepository participants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Comments(JdbcClient jdbc, PlanService plans, BuyerPlans buyerPlans, BuyerAccess buyers, Users users,
            ParticipantRepository participants, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.buyers = buyers;
        this.users = users;
        this.participants = participants;
        this.events = events;
        this.clock = clock;
    }

    /** Who can be mentioned on a plan: everyone on it who still has access. For rendering and mentioning. */
    @Transactional(readOnly = true)
    Mentions mentionable(UUID planId) {
        return Mentions.of(participants.findByPlan(planId).stream()
                .filter(Participant::active)
                .map(participant -> new Mentions.Person(participant.id(), participant.userId(), participant.name(),
                        participant.email(), participant.buyer()))
                .toList());
    }

    @Transactional(readOnly = true)
    public List<CommentView> forSeller(Viewer viewer, UUID planId) {
        plans.get(viewer, planId);
        return read(planId, Audience.SELLER);
    }

    @Transactional(readOnly = true)
    public List<CommentView> forBuyer(String email, UUID planId) {
        buyers.participant(email, planId);
        return read(planId, Audience.BUYER);
    }

    public CommentView addBySeller(Viewer viewer, UUID planId, UUID stepId, String body, boolean internal) {
        PlanView plan = plans.get(viewer, planId);
        if (!plans.canChange(viewer, plan)) {
            throw new ForbiddenException("plans.mayNotChange");
        }
        checkStep(plan, stepId);
        String name = users.find(viewer.userId()).map(UserSummary::name).orElse("");
        boolean hidden = internal || stepId != null && !plans.isSharedStep(planId, stepId) || !plan.mutual();
        UUID id = insert(planId, stepId, viewer.userId(), null, name, body, hidden);
        plans.recordActivity(planId, stepId, viewer.userId(), null, PlanChange.COMMENTED, subject(plan, stepId),
                null, null, hidden);
        posted(planId, stepId, id, viewer.userId(), null, name, body, hidden,
                person -> Objects.equals(person.userId(), viewer.userId()));
        return new CommentView(id, stepId, name, "SELLER", body.strip(), hidden, clock.instant());
    }

    public CommentView addByBuyer(String email, UUID planId, UUID stepId, String body) {
        ParticipantView participant = buyers.participant(email, planId);
        PlanView plan = buyerPlans.view(planId);
        if (plan.status() == PlanStatus.CLOSED) {
            throw new ConflictException("plans.closed");
        }
        checkStep(plan, stepId);
        UUID id = insert(planId, stepId, null, participant.id(), participant.name(), body, false);
        plans.recordActivity(planId, stepId, null, participant.id(), PlanChange.COMMENTED, subject(plan, stepId),
                null, null, false);
        posted(planId, stepId, id, null, participant.id(), participant.name(), body, false,
                person -> participant.id().equals(person.participantId()));
        return new CommentView(id, stepId, participant.name(), "BUYER", body.strip(), false, clock.instant());
    }

    private List<CommentView> read(UUID planId, Audience audience) {
        String buyerFilter = audience == Audience.BUYER
                ? " and not c.internal and (c.step_id is null or s.visibility = 'SHARED')" : "";
        // The latest comments, shown oldest first like a conversation.
        List<CommentView> latest = new ArrayList<>(jdbc.sql("select c.id, c.step_id, c.author_name, "
                        + "c.author_participant_id, c.body, c.internal, c.created_at from comment c "
                        + "left join plan_step s on s.id = c.step_id "
                        + "where c.plan_id = :plan" + buyerFilter
                        + " order by c.created_at desc, c.id desc limit :limit")
                .param("plan", planId)
                .param("limit", SHOWN)
                .query((rs, n) -> new CommentView(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class),
                        rs.getString("author_name"), rs.getObject("author_participant_id") == null ? "SELLER"
                                : "BUYER", rs.getString("body"), rs.getBoolean("internal"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
        Collections.reverse(latest);
        return latest;
    }

    /** Announces the saved comment with the people it mentions, in the comment's transaction. */
    private void posted(UUID planId, UUID stepId, UUID commentId, UUID authorUserId, UUID authorParticipantId,
            String author, String body, boolean internal, Predicate<Mentions.Person> isAuthor) {
        Set<Mentions.Person> mentioned = mentionable(planId).in(body);
        mentioned.removeIf(isAuthor);
        events.publishEvent(new CommentPosted(planId, stepId, commentId, authorUserId, authorParticipantId, author,
                body.strip(), internal, mentioned.stream().map(Mentions.Person::participantId).toList()));
    }

    private UUID insert(UUID planId, UUID stepId, UUID userId, UUID participantId, String name, String body,
            boolean internal) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (text.length() > MAX_BODY) {
            throw new InvalidInputException("body", "validation.maxLength", MAX_BODY);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into comment (id, plan_id, step_id, author_user_id, author_participant_id, author_name, "
                        + "body, internal, created_at) values (:id, :plan, :step, :user, :participant, :name, :body, "
                        + ":internal, :now)")
                .param("id", id).param("plan", planId).param("step", stepId).param("user", userId)
                .param("participant", participantId).param("name", name).param("body", text)
                .param("internal", internal).param("now", Timestamp.from(now))
                .update();
        return id;
    }

    private static void checkStep(PlanView plan, UUID stepId) {
        if (stepId != null && plan.steps().stream().noneMatch(step -> step.id().equals(stepId))) {
            throw new NotFoundException("plans.stepNotFound");
        }
    }

    /**
     * What the activity log says was commented on: the step, or the plan by the name both sides know it by (the
     * account), since shared entries reach buyers.
     */
    private String subject(PlanView plan, UUID stepId) {
        if (stepId != null) {
            return plan.steps().stream().filter(step -> step.id().equals(stepId)).map(StepView::title).findFirst()
                    .orElse(null);
        }
        return plan.mutual() && plan.audience() == Audience.SELLER ? buyerPlans.view(plan.id()).dealName()
                : plan.dealName();
    }
}
