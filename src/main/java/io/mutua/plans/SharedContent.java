package io.mutua.plans;

import io.mutua.playbooks.OwnerRole;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What both sides agree on when they sign a mutual action plan: its key dates, its four sections and its milestones
 * with their shared steps in order — title, description, side, owners and target date of each. Progress (status,
 * completion) is not part of it, nor is anything internal. {@link CanonicalForm} writes it as the bytes that are
 * hashed; see docs/signed-content.md.
 */
public record SharedContent(UUID planId, LocalDate targetSignature, LocalDate targetGoLive,
        Map<SectionKey, String> sections, List<Milestone> milestones) {

    public SharedContent {
        Map<SectionKey, String> all = new EnumMap<>(SectionKey.class);
        for (SectionKey key : SectionKey.values()) {
            all.put(key, text(sections.get(key)));
        }
        sections = Map.copyOf(all);
        milestones = List.copyOf(milestones);
    }

    public record Milestone(UUID id, String title, List<Step> steps) {

        public Milestone {
            title = text(title);
            steps = List.copyOf(steps);
        }
    }

    public record Step(UUID id, String title, String description, Side side, List<Owner> owners,
            LocalDate targetDate) {

        public Step {
            title = text(title);
            description = text(description);
            owners = owners.stream().sorted(Owner.ORDER).toList();
        }
    }

    /** A person (name and email) or a role placeholder (role only). */
    public record Owner(String name, String email, String role) {

        /** People first, by email then name; then role placeholders by role. */
        static final Comparator<Owner> ORDER = Comparator.comparing((Owner owner) -> owner.role() != null)
                .thenComparing(owner -> lower(owner.email()))
                .thenComparing(owner -> text(owner.name()))
                .thenComparing(owner -> text(owner.role()));

        public Owner {
            if (role == null) {
                name = text(name);
                email = lower(email);
            } else {
                name = null;
                email = null;
            }
        }

        public boolean person() {
            return role == null;
        }

        /** The role as the enum, when it is one Mutua knows (a stored snapshot could say anything). */
        public Optional<OwnerRole> knownRole() {
            return Arrays.stream(OwnerRole.values()).filter(known -> known.name().equals(role)).findFirst();
        }

        static Owner of(OwnerView owner) {
            return owner.person() ? new Owner(owner.name(), owner.email(), null)
                    : new Owner(null, null, owner.role() == null ? "" : owner.role());
        }

        /** The same owner with the person's name and email blanked: "someone", for comparing without them. */
        Owner anonymous() {
            return person() ? new Owner("", "", null) : this;
        }
    }

    /**
     * The shared content of a plan as a view shows it. Only shared steps count — internal ones are left out here
     * too, whatever the view holds — and milestones in which every step is internal; milestones and steps are
     * ordered by their positions, whatever order the view lists them in.
     */
    static SharedContent of(PlanView plan) {
        List<Milestone> milestones = plan.milestones().stream()
                .filter(milestone -> milestone.steps().isEmpty()
                        || milestone.steps().stream().anyMatch(step -> step.visibility() == Visibility.SHARED))
                .sorted(Comparator.comparingInt(MilestoneView::position))
                .map(milestone -> new Milestone(milestone.id(), milestone.title(), milestone.steps().stream()
                        .filter(step -> step.visibility() == Visibility.SHARED)
                        .sorted(Comparator.comparingInt(StepView::position))
                        .map(step -> new Step(step.id(), step.title(), step.description(), step.side(),
                                step.owners().stream().map(Owner::of).toList(), step.targetDate()))
                        .toList()))
                .toList();
        Map<SectionKey, String> sections = new EnumMap<>(SectionKey.class);
        plan.sections().forEach(section -> sections.put(section.key(), section.content()));
        return new SharedContent(plan.id(), plan.targetSignature(), plan.targetGoLive(), sections, milestones);
    }

    /** Every step with the milestone it is in. */
    public List<Placed> steps() {
        return milestones.stream()
                .flatMap(milestone -> milestone.steps().stream().map(step -> new Placed(milestone, step)))
                .toList();
    }

    public record Placed(Milestone milestone, Step step) {
    }

    /** The same content with every person's name and email blanked. */
    SharedContent withoutPeople() {
        return new SharedContent(planId, targetSignature, targetGoLive, sections, milestones.stream()
                .map(milestone -> new Milestone(milestone.id(), milestone.title(), milestone.steps().stream()
                        .map(step -> new Step(step.id(), step.title(), step.description(), step.side(),
                                step.owners().stream().map(Owner::anonymous).toList(), step.targetDate()))
                        .toList()))
                .toList());
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
