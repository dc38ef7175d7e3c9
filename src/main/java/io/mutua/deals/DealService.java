package io.mutua.deals;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.ResultPage;
import io.mutua.web.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything sellers do with deals. Every call takes the {@link Viewer}: a deal the viewer may not see does
 * not exist for them, and every stage change is recorded with its time and actor.
 */
@Service
@Transactional
public class DealService {

    static final int MAX_TEXT = 200;
    static final int MAX_CRM_REF = 100;
    static final int MAX_REASON = 500;
    static final int MAX_COMPETITOR = 100;
    /** Business dates outside these years are typing mistakes (and beyond what PostgreSQL can store). */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    private final DealRepository deals;
    private final DealQueries queries;
    private final DealAccess access;
    private final Pipeline pipeline;
    private final StageHistory history;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final CloseReasons closeReasons;
    private final Clock clock;

    DealService(DealRepository deals, DealQueries queries, DealAccess access, Pipeline pipeline, StageHistory history,
            ApplicationEventPublisher events, JdbcClient jdbc, CloseReasons closeReasons, Clock clock) {
        this.deals = deals;
        this.queries = queries;
        this.access = access;
        this.pipeline = pipeline;
        this.history = history;
        this.events = events;
        this.jdbc = jdbc;
        this.closeReasons = closeReasons;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ResultPage<DealView> search(Viewer viewer, DealSearch search) {
        return queries.search(access.scope(viewer), search);
    }

    @Transactional(readOnly = true)
    public DealView get(Viewer viewer, DealId id) {
        return queries.find(id.value())
                .filter(deal -> access.canSee(viewer, deal.id().value(), deal.ownerId(), deal.status()))
                .orElseThrow(DealService::notFound);
    }

    /** The facts of a deal for system work such as plan generation; no access check, never for display. */
    @Transactional(readOnly = true)
    public Optional<DealFacts> facts(DealId id) {
        return queries.find(id.value()).map(DealService::facts);
    }

    /** The facts of many deals in one query, by id; for system work, never for display. */
    @Transactional(readOnly = true)
    public Map<UUID, DealFacts> facts(Collection<UUID> ids) {
        return queries.findAll(ids).stream().collect(Collectors.toMap(deal -> deal.id().value(), DealService::facts));
    }

    private static DealFacts facts(DealView deal) {
        return new DealFacts(deal.id(), deal.name(), deal.account(), deal.amount(), deal.currency(), deal.segment(),
                deal.ownerId(), deal.stageKey(), deal.status(), deal.expectedCloseDate(), deal.closedAt());
    }

    /** Lets these users see the deal from now on, whatever their team: customer success after the handoff. */
    public void letSee(DealId id, Collection<UUID> userIds) {
        access.grant(id.value(), userIds);
    }

    @Transactional(readOnly = true)
    public List<StageChangeView> history(Viewer viewer, DealId id) {
        DealView deal = get(viewer, id);
        return queries.history(id.value(), deal.open());
    }

    @Transactional(readOnly = true)
    public boolean canChange(Viewer viewer, DealView deal) {
        return access.canChange(viewer, deal.ownerId());
    }

    @Transactional(readOnly = true)
    public boolean canCreate(Viewer viewer) {
        return access.canCreate(viewer);
    }

    /** The people the viewer may make owner of a deal, for forms. */
    @Transactional(readOnly = true)
    public List<UserSummary> assignableOwners(Viewer viewer) {
        return access.assignableOwners(viewer);
    }

    /** The owners whose deals the viewer may see, for filters. */
    @Transactional(readOnly = true)
    public List<UserSummary> visibleOwners(Viewer viewer) {
        return access.visibleOwners(viewer);
    }

    /** Opens a deal in {@code stageKey}, or in the first stage when it is null. */
    public DealView create(Viewer viewer, DealDetails details, String stageKey) {
        if (!access.canCreate(viewer)) {
            throw new ForbiddenException("deals.mayNotCreate");
        }
        StageView stage = stageKey == null ? pipeline.firstOpenStage() : openStage(stageKey);
        check(viewer, details, null);
        Instant now = clock.instant();
        Deal deal = saveNew(Deal.open(details, stage.key(), now));
        history.append(deal.id(), null, stage.key(), now, viewer.userId());
        events.publishEvent(new DealStageChanged(new DealId(deal.id()), null, stage.key(), stage.triggersPlan(),
                deal.ownerId(), viewer.userId(), now));
        return view(deal);
    }

    public DealView update(Viewer viewer, DealId id, DealDetails details, long expectedVersion) {
        Deal deal = changeable(viewer, id, expectedVersion);
        check(viewer, details, deal);
        Instant now = clock.instant();
        deal.apply(details, now);
        DealView updated = view(save(deal));
        events.publishEvent(new DealUpdated(id, now));
        return updated;
    }

    /** Moves an open deal to another open stage; moving to the stage it is in changes nothing. */
    public DealView moveToStage(Viewer viewer, DealId id, String stageKey, Long expectedVersion) {
        Deal deal = changeable(viewer, id, expectedVersion);
        StageView stage = pipeline.find(stageKey)
                .orElseThrow(() -> new InvalidInputException("stage", "deals.unknownStage", stageKey));
        String from = deal.stageKey();
        if (from.equals(stage.key()) && deal.status() == DealStatus.OPEN) {
            return view(deal);
        }
        Instant now = clock.instant();
        deal.moveTo(stage, now);
        save(deal);
        history.append(deal.id(), from, stage.key(), now, viewer.userId());
        events.publishEvent(new DealStageChanged(id, from, stage.key(), stage.triggersPlan(), deal.ownerId(),
                viewer.userId(), now));
        return view(deal);
    }

    /**
     * Closes a deal with only free-text details and no listed reason: for callers that predate the admin's list
     * of reasons (system work and older tests). People close deals through {@link #close(Viewer, DealId,
     * ClosingDecision, Long)}, which requires a reason.
     */
    public DealView close(Viewer viewer, DealId id, Outcome outcome, String reason, Long expectedVersion) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("reason", "validation.required");
        }
        return closeWith(viewer, id, new ClosingDecision(outcome, null, trimmed, null), expectedVersion);
    }

    /** Closes an open deal with a reason from the admin's list for its outcome. */
    public DealView close(Viewer viewer, DealId id, ClosingDecision decision, Long expectedVersion) {
        if (decision.outcome() == null) {
            throw new InvalidInputException("outcome", "validation.required");
        }
        closeReasons.usable(decision.reasonId(), decision.outcome());
        return closeWith(viewer, id, decision, expectedVersion);
    }

    /** Competitors named on earlier closed deals, for suggestions. */
    @Transactional(readOnly = true)
    public List<String> competitors() {
        return queries.competitors();
    }

    private DealView closeWith(Viewer viewer, DealId id, ClosingDecision decision, Long expectedVersion) {
        Outcome outcome = decision.outcome();
        if (outcome == null) {
            throw new InvalidInputException("outcome", "validation.required");
        }
        if (decision.details() != null && decision.details().length() > MAX_REASON) {
            throw new InvalidInputException("details", "validation.maxLength", MAX_REASON);
        }
        if (decision.competitor() != null && decision.competitor().length() > MAX_COMPETITOR) {
            throw new InvalidInputException("competitor", "validation.maxLength", MAX_COMPETITOR);
        }
        Deal deal = changeable(viewer, id, expectedVersion);
        String from = deal.stageKey();
        StageView closing = pipeline.closingStage(outcome);
        Instant now = clock.instant();
        deal.close(closing, decision.reasonId(), decision.details(), decision.competitor(), now);
        save(deal);
        history.append(deal.id(), from, closing.key(), now, viewer.userId());
        events.publishEvent(new DealStageChanged(id, from, closing.key(), false, deal.ownerId(), viewer.userId(),
                now));
        events.publishEvent(new DealClosed(id, outcome, decision.details(), now));
        return view(deal);
    }

    private Deal changeable(Viewer viewer, DealId id, Long expectedVersion) {
        Deal deal = deals.findById(id.value())
                .filter(found -> access.canSee(viewer, found.id(), found.ownerId(), found.status()))
                .orElseThrow(DealService::notFound);
        if (!access.canChange(viewer, deal.ownerId())) {
            throw new ForbiddenException("deals.mayNotChange");
        }
        if (expectedVersion != null && expectedVersion != deal.version()) {
            throw new StaleVersionException("deals.stale", deal.version());
        }
        return deal;
    }

    private void check(Viewer viewer, DealDetails details, Deal existing) {
        requireText("name", details.name(), MAX_TEXT);
        requireText("account", details.account(), MAX_TEXT);
        if (details.crmRef() != null && details.crmRef().length() > MAX_CRM_REF) {
            throw new InvalidInputException("crmRef", "validation.maxLength", MAX_CRM_REF);
        }
        LocalDate closeDate = details.expectedCloseDate();
        if (closeDate != null && (closeDate.getYear() < MIN_YEAR || closeDate.getYear() > MAX_YEAR)) {
            throw new InvalidInputException("expectedCloseDate", "validation.dateRange");
        }
        if (details.ownerId() == null) {
            throw new InvalidInputException("owner", "validation.required");
        }
        boolean ownerChanges = existing == null || !existing.ownerId().equals(details.ownerId());
        if (ownerChanges) {
            access.checkAssignable(viewer, details.ownerId());
        }
        if (details.crmRef() != null && crmRefTaken(details.crmRef(), existing)) {
            throw new InvalidInputException("crmRef", "deals.crmRefTaken");
        }
    }

    private boolean crmRefTaken(String crmRef, Deal existing) {
        return jdbc.sql("select exists (select 1 from deal where crm_ref = :ref and id <> :id)")
                .param("ref", crmRef)
                .param("id", existing == null ? new UUID(0, 0) : existing.id())
                .query(Boolean.class)
                .single();
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "validation.maxLength", max);
        }
    }

    private StageView openStage(String key) {
        StageView stage = pipeline.find(key)
                .orElseThrow(() -> new InvalidInputException("stage", "deals.unknownStage", key));
        if (stage.closing()) {
            throw new InvalidInputException("stage", "deals.useClose");
        }
        return stage;
    }

    private Deal saveNew(Deal deal) {
        try {
            return deals.save(deal);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("crmRef", "deals.crmRefTaken");
        }
    }

    private Deal save(Deal deal) {
        try {
            return deals.save(deal);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("deals.stale", deals.findById(deal.id()).map(Deal::version).orElse(0L));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("crmRef", "deals.crmRefTaken");
        }
    }

    private DealView view(Deal deal) {
        return queries.find(deal.id()).orElseThrow(DealService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("deals.notFound");
    }
}
