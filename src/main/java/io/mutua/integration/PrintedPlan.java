package io.mutua.integration;

import io.mutua.collaboration.BuyingRole;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.SectionKey;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as its PDF prints it, already cut to what the document's reader may see: {@code internal} says whether
 * internal steps are in it (the sales team's copy, marked as such on every page).
 */
public record PrintedPlan(String account, boolean mutual, String language, PlanStatus status,
        LocalDate targetSignature, LocalDate targetGoLive, LocalDate plannedEnd, Instant generatedAt, boolean internal,
        List<Person> people, List<Section> sections, List<Milestone> milestones, PlanTimeline timeline,
        Certificate certificate) {

    /** Someone on the plan; the email only for main contacts, whom the other side is meant to reach. */
    public record Person(String name, String title, String side, BuyingRole buyingRole, boolean mainContact,
            String email) {
    }

    /** A buyer-facing section as safe HTML; empty when nobody wrote it. */
    public record Section(SectionKey key, String html) {

        public boolean empty() {
            return html == null || html.isBlank();
        }
    }

    public record Milestone(String title, List<Step> steps) {
    }

    public record Step(String title, Side side, boolean internal, List<OwnerView> owners, LocalDate targetDate,
            StepStatus status, LocalDate completedOn, boolean overdue) {
    }

    public List<Person> mainContacts() {
        return people.stream().filter(Person::mainContact).toList();
    }

    public int stepCount() {
        return milestones.stream().mapToInt(milestone -> milestone.steps().size()).sum();
    }
}
