package io.mutua.collaboration;

import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.SectionKey;
import io.mutua.plans.SectionView;
import io.mutua.plans.StepView;
import io.mutua.web.FormErrors;
import io.mutua.web.Markdown;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts a buyer's plan page together from what buyers may see: the plan as {@code BuyerPlans} shows it, the active
 * people of both sides, and the comments and documents as {@link DiscussionPanels} filter them. The caller has
 * checked the buyer's access.
 */
@Component
class BuyerPlanPages {

    private final Stakeholders stakeholders;
    private final ParticipantRepository participants;
    private final DiscussionPanels panels;
    private final Markdown markdown;

    BuyerPlanPages(Stakeholders stakeholders, ParticipantRepository participants, DiscussionPanels panels,
            Markdown markdown) {
        this.stakeholders = stakeholders;
        this.participants = participants;
        this.panels = panels;
        this.markdown = markdown;
    }

    /** The plan body only: what the {@code #plan-body} fragment shows. */
    BuyerPlanPage body(ParticipantView me, PlanView plan, BuyerPlanPage.Edits edits) {
        return page(me, plan, edits, null, null);
    }

    /** The whole page; a null panel is shown as it is now, with an empty form. */
    BuyerPlanPage full(ParticipantView me, PlanView plan, BuyerPlanPage.Edits edits, CommentsPanel comments,
            AttachmentsPanel attachments) {
        return page(me, plan, edits,
                comments != null ? comments : comments(me, plan, CommentForm.blank(), FormErrors.none(), false),
                attachments != null ? attachments : attachments(me, plan, null, FormErrors.none(), false));
    }

    CommentsPanel comments(ParticipantView me, PlanView plan, CommentForm form, FormErrors errors, boolean posted) {
        return panels.commentsForBuyer(me, plan, open(plan), form, errors, posted);
    }

    AttachmentsPanel attachments(ParticipantView me, PlanView plan, UUID stepId, FormErrors errors,
            boolean uploaded) {
        return panels.attachmentsForBuyer(me, plan, open(plan), stepId, errors, uploaded);
    }

    private static boolean open(PlanView plan) {
        return plan.status() != PlanStatus.CLOSED;
    }

    private BuyerPlanPage page(ParticipantView me, PlanView plan, BuyerPlanPage.Edits edits, CommentsPanel comments,
            AttachmentsPanel attachments) {
        Map<SectionKey, String> sectionHtml = new EnumMap<>(SectionKey.class);
        for (SectionView section : plan.sections()) {
            if (!section.empty()) {
                sectionHtml.put(section.key(), markdown.toHtml(section.content()));
            }
        }
        Map<UUID, String> descriptions = new HashMap<>();
        for (StepView step : plan.steps()) {
            if (step.description() != null && !step.description().isBlank()) {
                descriptions.put(step.id(), markdown.toHtml(step.description()));
            }
        }
        List<BuyerPlanPage.OwnerOption> people = participants.findByPlan(plan.id()).stream()
                .filter(Participant::active)
                .map(person -> new BuyerPlanPage.OwnerOption(BuyerStepForm.PARTICIPANT + person.id(), person.name(),
                        person.side(), person.userId()))
                .toList();
        return new BuyerPlanPage(plan, me, stakeholders.active(plan.id()), sectionHtml, descriptions, people, edits,
                comments, attachments);
    }
}
