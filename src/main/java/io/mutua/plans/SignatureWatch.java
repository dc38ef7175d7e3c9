package io.mutua.plans;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps signatures and revisions in step with a plan's changes. Each change of the shared content is checked just
 * before its transaction commits — when every row of it is written, however the change recorded itself — and
 * outdates the signatures it no longer matches; a change of who is on the plan may change who must sign. A
 * revision is taken when a plan becomes mutual and when it closes.
 */
@Component
class SignatureWatch {

    /** Changes of the shared content, when not internal (VISIBILITY always: it shares a step or takes it away). */
    private static final Set<PlanChange> CONTENT = EnumSet.of(PlanChange.DETAILS, PlanChange.SECTION,
            PlanChange.TARGET_DATE, PlanChange.MOVED_BY_CASCADE, PlanChange.TITLE, PlanChange.DESCRIPTION,
            PlanChange.OWNERS, PlanChange.STEP_ADDED, PlanChange.STEP_DELETED, PlanChange.STEP_REORDERED,
            PlanChange.MILESTONE_ADDED, PlanChange.MILESTONE_RENAMED, PlanChange.MILESTONE_DELETED,
            PlanChange.MILESTONE_REORDERED);
    /** Changes of who is on the plan that can change who must sign. */
    private static final Set<PlanChange> PEOPLE = EnumSet.of(PlanChange.PARTICIPANT_REVOKED, PlanChange.MAIN_CONTACT);

    private final PlanSignatures signatures;
    private final PlanRevisions revisions;
    private final PlanRepository plans;

    SignatureWatch(PlanSignatures signatures, PlanRevisions revisions, PlanRepository plans) {
        this.signatures = signatures;
        this.revisions = revisions;
        this.plans = plans;
    }

    @EventListener
    void on(PlanConverted converted) {
        revisions.save(converted.planId(), RevisionReason.CONVERSION, Actor.seller(converted.convertedBy()));
    }

    @EventListener
    void on(PlanActivity activity) {
        if (activity.change() == PlanChange.CLOSED) {
            if (plans.findById(activity.planId()).filter(Plan::mutual).isPresent()) {
                revisions.save(activity.planId(), RevisionReason.CLOSE, Actor.system());
            }
            return;
        }
        boolean content = CONTENT.contains(activity.change()) && !activity.internal()
                || activity.change() == PlanChange.VISIBILITY;
        if (content || PEOPLE.contains(activity.change())) {
            pending().note(activity.planId(), content);
        }
    }

    /** The checks this transaction owes, run once per plan just before it commits. */
    private class Pending implements TransactionSynchronization {

        private final Map<UUID, Boolean> plansToCheck = new LinkedHashMap<>();

        void note(UUID planId, boolean content) {
            plansToCheck.merge(planId, content, Boolean::logicalOr);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            Map<UUID, Boolean> due = new LinkedHashMap<>(plansToCheck);
            plansToCheck.clear();
            due.forEach(SignatureWatch.this::check);
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending() {
                @Override
                void note(UUID planId, boolean content) {
                    check(planId, content);
                }
            };
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending mine) {
                return mine;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void check(UUID planId, boolean content) {
        if (content) {
            signatures.contentChanged(planId);
        } else {
            signatures.signersChanged(planId);
        }
    }
}
