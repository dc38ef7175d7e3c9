package io.mutua.notifications;

import io.mutua.plans.PlanActivity;
import io.mutua.plans.PlanChange;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the changes of a plan into notifications, in the transaction of the change. The changes of one
 * transaction are gathered and told just before it commits, when everything is written: so a step's new owners are
 * known, and a slip cascade that moves many steps becomes one notification per reader ("… and 4 more steps").
 * <p>
 * Who hears what: the new person owners of a step are told it is theirs (ASSIGNED); the followers of a step —
 * its owners before and after, the people who commented on it, and the main contact of each side — hear about
 * a new date, status or owners (STEP_CHANGED); a document goes to the step's followers, or to the main contacts
 * when it is the plan's; the sellers on the plan hear it was converted; everyone on the plan that it was signed or
 * its signatures outdated; the main contacts that someone was added or their access ended (the person whose
 * access ended hears nothing more). Comments are told by {@link CommentNotices}.
 */
@Component
class ActivityNotices {

    private static final Set<PlanChange> STEP_CHANGES = Set.of(PlanChange.STATUS, PlanChange.TARGET_DATE,
            PlanChange.MOVED_BY_CASCADE, PlanChange.OWNERS);
    private static final Set<PlanChange> TOLD = Set.of(PlanChange.STATUS, PlanChange.TARGET_DATE,
            PlanChange.MOVED_BY_CASCADE, PlanChange.OWNERS, PlanChange.STEP_ADDED, PlanChange.ATTACHED,
            PlanChange.CONVERTED, PlanChange.SIGNED, PlanChange.SIGNATURES_OUTDATED, PlanChange.PARTICIPANT_ADDED,
            PlanChange.PARTICIPANT_REVOKED);

    private final PlanPeople people;
    private final PlanAudience audience;
    private final Notifier notifier;
    private final MessageSource messages;

    ActivityNotices(PlanPeople people, PlanAudience audience, Notifier notifier, MessageSource messages) {
        this.people = people;
        this.audience = audience;
        this.notifier = notifier;
        this.messages = messages;
    }

    @EventListener
    void on(PlanActivity activity) {
        if (!TOLD.contains(activity.change())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending alone = new Pending();
            alone.add(activity);
            alone.tellPending();
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(activity);
    }

    /** The changes this transaction made, with each step's owners before them. */
    private class Pending implements TransactionSynchronization {

        private final List<PlanActivity> changes = new ArrayList<>();
        private final Map<UUID, Set<PlanPeople.Ref>> ownersBefore = new HashMap<>();
        private PlanPeople.Ref lastActor;
        private boolean committing;

        void add(PlanActivity activity) {
            if (activity.stepId() != null && !ownersBefore.containsKey(activity.stepId())) {
                ownersBefore.put(activity.stepId(), activity.change() == PlanChange.STEP_ADDED ? Set.of()
                        : people.owners(activity.stepId()));
            }
            changes.add(activity);
            if (committing) {
                tellPending();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            tellPending();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ActivityNotices.this);
        }

        void tellPending() {
            Map<UUID, List<PlanActivity>> byPlan = changes.stream()
                    .collect(Collectors.groupingBy(PlanActivity::planId, LinkedHashMap::new, Collectors.toList()));
            changes.clear();
            byPlan.forEach((planId, planChanges) -> people.plan(planId).ifPresent(plan -> {
                PlanPeople.Ref actor = planChanges.stream().map(ActivityNotices::actor).filter(a -> a != null)
                        .findFirst().orElse(lastActor);
                lastActor = actor;
                new Telling(audience.of(plan, actor), actor, ownersBefore).tell(planChanges);
            }));
        }
    }

    /** What the changes of one plan tell each reader. */
    private class Telling {

        private final PlanAudience.Of readers;
        private final PlanPeople.Ref actor;
        private final String actorName;
        private final Map<UUID, Set<PlanPeople.Ref>> ownersBefore;
        private final Map<UUID, Optional<PlanPeople.StepFacts>> steps = new HashMap<>();
        /** Per reader, the step changes they hear about, in order. */
        private final Map<String, List<PlanActivity>> stepChanges = new LinkedHashMap<>();
        private final Map<String, PlanAudience.Reader> stepReaders = new HashMap<>();

        Telling(PlanAudience.Of readers, PlanPeople.Ref actor, Map<UUID, Set<PlanPeople.Ref>> ownersBefore) {
            this.readers = readers;
            this.actor = actor;
            this.actorName = readers.nameOf(actor).orElse("");
            this.ownersBefore = ownersBefore;
        }

        void tell(List<PlanActivity> changes) {
            for (PlanActivity change : changes) {
                switch (change.change()) {
                    case STEP_ADDED -> assigned(change);
                    case OWNERS -> {
                        assigned(change);
                        stepChanged(change);
                    }
                    case STATUS, TARGET_DATE, MOVED_BY_CASCADE -> stepChanged(change);
                    case ATTACHED -> told(change, NoticeKind.DOCUMENT_ADDED, change.stepId() == null
                            ? readers.mainContacts() : followers(change.stepId()), List.of(change.subject()));
                    case CONVERTED -> told(change, NoticeKind.CONVERTED, readers.sellers(), List.of());
                    case SIGNED -> told(change, NoticeKind.SIGNED, readers.everyone(), List.of(change.subject()));
                    case SIGNATURES_OUTDATED -> told(change, NoticeKind.SIGNATURES_OUTDATED, readers.everyone(),
                            List.of());
                    case PARTICIPANT_ADDED -> told(change, NoticeKind.PARTICIPANT_ADDED, readers.mainContacts(),
                            List.of(change.subject()));
                    case PARTICIPANT_REVOKED -> told(change, NoticeKind.PARTICIPANT_REMOVED, readers.mainContacts(),
                            List.of(change.subject()));
                    default -> {
                    }
                }
            }
            foldStepChanges();
        }

        private void assigned(PlanActivity change) {
            Optional<PlanPeople.StepFacts> step = step(change.stepId());
            if (step.isEmpty()) {
                return;
            }
            Set<PlanPeople.Ref> added = new LinkedHashSet<>(people.owners(change.stepId()));
            added.removeAll(ownersBefore.getOrDefault(change.stepId(), Set.of()));
            for (PlanPeople.Ref owner : added) {
                readers.reader(owner, buyersMayKnow(change, step.get())).ifPresent(reader -> notifier.tell(
                        notice(reader, NoticeKind.ASSIGNED, change, List.of(step.get().title(),
                                date(step.get().targetDate(), reader.locale()))), reader, readers.plan(),
                        step.get()));
            }
        }

        private void stepChanged(PlanActivity change) {
            Optional<PlanPeople.StepFacts> step = step(change.stepId());
            if (step.isEmpty()) {
                return;
            }
            Set<PlanPeople.Ref> newlyAssigned = new LinkedHashSet<>();
            if (change.change() == PlanChange.OWNERS) {
                newlyAssigned.addAll(people.owners(change.stepId()));
                newlyAssigned.removeAll(ownersBefore.getOrDefault(change.stepId(), Set.of()));
            }
            for (PlanPeople.Ref follower : followers(change.stepId())) {
                if (newlyAssigned.contains(follower)) {
                    continue;
                }
                readers.reader(follower, buyersMayKnow(change, step.get())).ifPresent(reader -> {
                    stepChanges.computeIfAbsent(reader.ref().key(), key -> new ArrayList<>()).add(change);
                    stepReaders.put(reader.ref().key(), reader);
                });
            }
        }

        /** One STEP_CHANGED per reader: the first step they hear about, and how many more moved with it. */
        private void foldStepChanges() {
            stepChanges.forEach((key, changes) -> {
                PlanAudience.Reader reader = stepReaders.get(key);
                PlanActivity first = changes.get(0);
                PlanPeople.StepFacts step = step(first.stepId()).orElseThrow();
                List<String> what = changes.stream().filter(change -> change.stepId().equals(first.stepId()))
                        .map(change -> what(change, reader.locale())).distinct().toList();
                long others = changes.stream().map(PlanActivity::stepId).distinct().count() - 1;
                String summary = String.join("; ", what);
                if (others > 0) {
                    summary = messages.getMessage("mail.notice.more", new Object[] {summary, others}, reader.locale());
                }
                notifier.tell(notice(reader, NoticeKind.STEP_CHANGED, first, List.of(step.title(), summary)), reader,
                        readers.plan(), step);
            });
        }

        private void told(PlanActivity change, NoticeKind kind, List<PlanPeople.Ref> refs, List<String> args) {
            Optional<PlanPeople.StepFacts> step = change.stepId() == null ? Optional.empty() : step(change.stepId());
            if (change.stepId() != null && step.isEmpty()) {
                return;
            }
            boolean buyersMayKnow = !change.internal() && step.map(PlanPeople.StepFacts::shared).orElse(true);
            Set<String> told = new LinkedHashSet<>();
            for (PlanPeople.Ref ref : refs) {
                if (!told.add(ref.key()) || kind == NoticeKind.PARTICIPANT_ADDED
                        && readers.nameOf(ref).filter(name -> name.equals(change.subject())).isPresent()) {
                    continue;
                }
                readers.reader(ref, buyersMayKnow).ifPresent(reader -> notifier.tell(
                        notice(reader, kind, change, args), reader, readers.plan(), step.orElse(null)));
            }
        }

        private List<PlanPeople.Ref> followers(UUID stepId) {
            return readers.followers(stepId, ownersBefore.getOrDefault(stepId, Set.of()));
        }

        private boolean buyersMayKnow(PlanActivity change, PlanPeople.StepFacts step) {
            return !change.internal() && step.shared();
        }

        private Optional<PlanPeople.StepFacts> step(UUID stepId) {
            return steps.computeIfAbsent(stepId, people::step);
        }

        private Notice notice(PlanAudience.Reader reader, NoticeKind kind, PlanActivity change, List<String> args) {
            return new Notice(reader.recipient(), kind, change.planId(), change.stepId(), actorName, args,
                    "activity:" + change.id() + ":" + kind.name() + ":" + reader.ref().key());
        }

        private String what(PlanActivity change, Locale locale) {
            String before = change.before();
            String after = change.after();
            if (change.change() == PlanChange.STATUS) {
                before = messages.getMessage("stepStatus." + before, null, before, locale);
                after = messages.getMessage("stepStatus." + after, null, after, locale);
            } else if (change.change() != PlanChange.OWNERS) {
                before = date(before, locale);
                after = date(after, locale);
            }
            return messages.getMessage("mail.notice.change." + change.change().name(),
                    new Object[] {nonNull(before), nonNull(after)}, locale);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "–" : text;
    }

    private static String date(String iso, Locale locale) {
        if (iso == null) {
            return null;
        }
        try {
            return date(LocalDate.parse(iso), locale);
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    private static PlanPeople.Ref actor(PlanActivity activity) {
        if (activity.actorUserId() != null) {
            return PlanPeople.Ref.user(activity.actorUserId());
        }
        return activity.actorParticipantId() == null ? null : PlanPeople.Ref.participant(activity.actorParticipantId());
    }
}
