package io.mutua.insights;

import io.mutua.collaboration.AttachmentView;
import io.mutua.collaboration.Attachments;
import io.mutua.collaboration.OnboardingParticipants;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealFacts;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealStatus;
import io.mutua.deals.DealView;
import io.mutua.deals.Qualification;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.OnboardingPlans;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanSignatures;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionView;
import io.mutua.plans.SignatureCertificate;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import io.mutua.playbooks.PlaybookView;
import io.mutua.playbooks.Playbooks;
import io.mutua.playbooks.Visibility;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding handoffs of won deals. A handoff is made once per won deal, for the recipients the admin chose
 * (resolved then, and from then on allowed to see the deal); it is read by whoever sees the deal (a REP only their
 * own), its notes are written by whoever may change the deal, and customer success, managers and admins start the
 * onboarding plan from it. Everything here is for sellers: buyers never reach a handoff.
 */
@Service
@Transactional
public class Handoffs {

    static final int MAX_NOTES = 20_000;
    private static final int LISTED = 300;

    private final DealService deals;
    private final Qualification qualification;
    private final PlanService plans;
    private final PlanSignatures signatures;
    private final OnboardingPlans onboarding;
    private final Participants participants;
    private final OnboardingParticipants onboardingParticipants;
    private final Attachments attachments;
    private final Playbooks playbooks;
    private final Users users;
    private final HandoffRecipients recipients;
    private final HandoffEmails emails;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Handoffs(DealService deals, Qualification qualification, PlanService plans, PlanSignatures signatures,
            OnboardingPlans onboarding, Participants participants, OnboardingParticipants onboardingParticipants,
            Attachments attachments, Playbooks playbooks, Users users, HandoffRecipients recipients,
            HandoffEmails emails, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.deals = deals;
        this.qualification = qualification;
        this.plans = plans;
        this.signatures = signatures;
        this.onboarding = onboarding;
        this.participants = participants;
        this.onboardingParticipants = onboardingParticipants;
        this.attachments = attachments;
        this.playbooks = playbooks;
        this.users = users;
        this.recipients = recipients;
        this.emails = emails;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(UUID id, UUID dealId, Instant createdAt, String notes, Instant notesUpdatedAt, UUID onboardingPlanId,
            long version) {
    }

    /** Makes the handoff of a won deal, unless it exists: recipients, their access to the deal, their emails. */
    void create(DealId dealId) {
        Optional<DealFacts> deal = deals.facts(dealId).filter(found -> found.status() == DealStatus.WON);
        if (deal.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into handoff (id, deal_id, created_at, version) values (:id, :deal, :now, 0) "
                        + "on conflict (deal_id) do nothing")
                .param("id", id)
                .param("deal", dealId.value())
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return;
        }
        List<UserSummary> to = recipients.resolve(deal.get().ownerId());
        for (UserSummary recipient : to) {
            jdbc.sql("insert into handoff_recipient (handoff_id, user_id) values (:handoff, :user)")
                    .param("handoff", id)
                    .param("user", recipient.id())
                    .update();
        }
        deals.letSee(dealId, to.stream().map(UserSummary::id).toList());
        emails.queue(id, deal.get(), to);
        events.publishEvent(new HandoffCreated(id, dealId, now));
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The handoffs for the viewer, newest first: CS those sent to them or their team, managers their team's. */
    @Transactional(readOnly = true)
    public List<HandoffSummary> list(Viewer viewer) {
        List<Row> rows = jdbc.sql("select id, deal_id, created_at, notes, notes_updated_at, onboarding_plan_id, "
                        + "version from handoff order by created_at desc, id limit " + LISTED)
                .query(Handoffs::row)
                .list();
        Set<UUID> mine = new HashSet<>(jdbc.sql("select handoff_id from handoff_recipient where user_id = :user")
                .param("user", viewer.userId())
                .query(UUID.class)
                .list());
        Set<UUID> team = team(viewer);
        Map<UUID, DealFacts> facts = deals.facts(rows.stream().map(Row::dealId).toList());
        Map<UUID, UserSummary> owners = users.byIds(facts.values().stream().map(DealFacts::ownerId).toList());
        return rows.stream()
                .filter(row -> facts.containsKey(row.dealId()))
                .filter(row -> viewer.is(Role.ADMIN) || mine.contains(row.id())
                        || (viewer.is(Role.REP) ? viewer.userId().equals(facts.get(row.dealId()).ownerId())
                                : team.contains(facts.get(row.dealId()).ownerId())))
                .map(row -> {
                    DealFacts deal = facts.get(row.dealId());
                    UserSummary owner = owners.get(deal.ownerId());
                    return new HandoffSummary(row.id(), row.dealId(), deal.name(), deal.account(), deal.amount(),
                            deal.currency(), owner == null ? "" : owner.name(), row.createdAt(),
                            row.onboardingPlanId());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public HandoffPackage get(Viewer viewer, UUID id) {
        return assemble(viewer, row(id));
    }

    /** The handoff of a deal, or not found while it has none. */
    @Transactional(readOnly = true)
    public HandoffPackage forDeal(Viewer viewer, DealId dealId) {
        return assemble(viewer, rowOfDeal(dealId).orElseThrow(() -> new NotFoundException("handoffs.notFound")));
    }

    /** The handoff of a deal the viewer may read, if there is one (for the deal page). */
    @Transactional(readOnly = true)
    public Optional<HandoffSummary> summaryOf(Viewer viewer, DealId dealId) {
        Optional<Row> row = rowOfDeal(dealId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        DealView deal = readableDeal(viewer, row.get());
        return Optional.of(new HandoffSummary(row.get().id(), row.get().dealId(), deal.name(), deal.account(),
                deal.amount(), deal.currency(), deal.ownerName(), row.get().createdAt(),
                row.get().onboardingPlanId()));
    }

    @Transactional(readOnly = true)
    public boolean canWriteNotes(Viewer viewer, HandoffPackage handoff) {
        return deals.canChange(viewer, handoff.deal());
    }

    public boolean canStartOnboarding(Viewer viewer) {
        return viewer.is(Role.CS) || viewer.is(Role.MANAGER) || viewer.is(Role.ADMIN);
    }

    /** The playbooks an onboarding plan may start from. */
    @Transactional(readOnly = true)
    public List<PlaybookView> onboardingPlaybooks() {
        return playbooks.forOnboarding();
    }

    // --- changing --------------------------------------------------------------------------------------------

    /** The account executive's notes for customer success (Markdown, internal). */
    public HandoffPackage writeNotes(Viewer viewer, UUID id, String notes, long expectedVersion) {
        Row row = row(id);
        DealView deal = readableDeal(viewer, row);
        if (!deals.canChange(viewer, deal)) {
            throw new ForbiddenException("handoffs.mayNotWriteNotes");
        }
        String clean = notes == null || notes.isBlank() ? null : notes.strip();
        if (clean != null && clean.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "validation.maxLength", MAX_NOTES);
        }
        int updated = jdbc.sql("update handoff set notes = :notes, notes_updated_at = :now, notes_updated_by = :by, "
                        + "version = version + 1 where id = :id and version = :version")
                .param("notes", clean)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", viewer.userId())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersionException("handoffs.notesStale", row(id).version());
        }
        return get(viewer, id);
    }

    /**
     * Starts the onboarding plan from an onboarding playbook, for the same buyers as the mutual plan and with the
     * customer success user on the seller side; when it was started before, that plan is the answer.
     */
    public UUID startOnboarding(Viewer viewer, UUID id, UUID playbookId) {
        Row row = row(id);
        readableDeal(viewer, row);
        if (!canStartOnboarding(viewer)) {
            throw new ForbiddenException("handoffs.mayNotStart");
        }
        if (row.onboardingPlanId() != null) {
            return row.onboardingPlanId();
        }
        if (playbookId == null || playbooks.forOnboarding().stream().noneMatch(found -> found.id().equals(playbookId))) {
            throw new InvalidInputException("playbookId", "handoffs.unknownPlaybook");
        }
        DealId dealId = new DealId(row.dealId());
        UUID planId = onboarding.start(dealId, playbookId, viewer.userId());
        onboardingParticipants.carryOver(onboarding.salesPlanOf(dealId).orElse(null), planId,
                customerSuccess(viewer, row).orElse(null));
        jdbc.sql("update handoff set onboarding_plan_id = :plan, version = version + 1 where id = :id "
                        + "and onboarding_plan_id is null")
                .param("plan", planId)
                .param("id", id)
                .update();
        return planId;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private HandoffPackage assemble(Viewer viewer, Row row) {
        DealView deal = readableDeal(viewer, row);
        DealId dealId = deal.id();
        List<String> to = recipientIds(row.id()).stream()
                .map(userId -> users.find(userId).map(UserSummary::name).orElse(""))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        Optional<UUID> salesPlanId = onboarding.salesPlanOf(dealId);
        List<SectionView> sections = List.of();
        List<ParticipantView> stakeholders = List.of();
        List<StepView> open = List.of();
        List<StepView> done = List.of();
        List<StepView> internal = List.of();
        SignatureCertificate certificate = null;
        List<AttachmentView> documents = List.of();
        if (salesPlanId.isPresent()) {
            PlanView plan = plans.get(viewer, salesPlanId.get());
            sections = plan.sections().stream().filter(section -> !section.empty()).toList();
            stakeholders = participants.list(viewer, plan.id()).stream().filter(ParticipantView::active)
                    .sorted(Comparator.comparing(ParticipantView::side).reversed()
                            .thenComparing(ParticipantView::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            open = plan.steps().stream()
                    .filter(step -> step.visibility() == Visibility.SHARED && !step.status().finished()).toList();
            done = plan.steps().stream()
                    .filter(step -> step.visibility() == Visibility.SHARED && step.status() == StepStatus.DONE)
                    .toList();
            internal = plan.steps().stream()
                    .filter(step -> step.visibility() == Visibility.INTERNAL && !step.status().finished()).toList();
            certificate = plan.mutual() ? signatures.certificate(viewer, plan.id()) : null;
            documents = attachments.forSeller(viewer, plan.id());
        }
        return new HandoffPackage(row.id(), deal, row.createdAt(), to, salesPlanId.orElse(null), sections,
                stakeholders, open, done, internal, certificate, documents, row.notes(), row.notesUpdatedAt(),
                qualification.card(viewer, dealId), row.onboardingPlanId(), row.version());
    }

    /** The deal of a handoff, if the viewer may read the handoff: whoever sees the deal, a REP only their own. */
    private DealView readableDeal(Viewer viewer, Row row) {
        DealView deal;
        try {
            deal = deals.get(viewer, new DealId(row.dealId()));
        } catch (NotFoundException e) {
            throw new NotFoundException("handoffs.notFound");
        }
        if (viewer.is(Role.REP) && !viewer.userId().equals(deal.ownerId())) {
            throw new NotFoundException("handoffs.notFound");
        }
        return deal;
    }

    /** Who joins the onboarding plan for customer success: the CS viewer, else the first CS recipient. */
    private Optional<UserSummary> customerSuccess(Viewer viewer, Row row) {
        if (viewer.is(Role.CS)) {
            return users.find(viewer.userId());
        }
        return recipientIds(row.id()).stream().map(users::find).flatMap(Optional::stream)
                .filter(user -> user.role() == Role.CS && user.active()).findFirst();
    }

    private List<UUID> recipientIds(UUID handoffId) {
        return jdbc.sql("select user_id from handoff_recipient where handoff_id = :id")
                .param("id", handoffId)
                .query(UUID.class)
                .list();
    }

    private Set<UUID> team(Viewer viewer) {
        Set<UUID> team = new HashSet<>();
        team.add(viewer.userId());
        if (viewer.teamId() != null) {
            users.teamMembers(viewer.teamId()).forEach(member -> team.add(member.id()));
        }
        return team;
    }

    private Row row(UUID id) {
        return jdbc.sql("select id, deal_id, created_at, notes, notes_updated_at, onboarding_plan_id, version "
                        + "from handoff where id = :id")
                .param("id", id)
                .query(Handoffs::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("handoffs.notFound"));
    }

    private Optional<Row> rowOfDeal(DealId dealId) {
        return jdbc.sql("select id, deal_id, created_at, notes, notes_updated_at, onboarding_plan_id, version "
                        + "from handoff where deal_id = :deal")
                .param("deal", dealId.value())
                .query(Handoffs::row)
                .optional();
    }

    private static Row row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        Timestamp notesAt = rs.getTimestamp("notes_updated_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("notes"),
                notesAt == null ? null : notesAt.toInstant(), rs.getObject("onboarding_plan_id", UUID.class),
                rs.getLong("version"));
    }
}
