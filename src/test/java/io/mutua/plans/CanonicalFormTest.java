package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of a plan's shared content and its hash: equal content hashes equally however it was loaded,
 * every shared change changes the hash, internal changes and progress do not.
 */
class CanonicalFormTest {

    private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID KICKOFF = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ROLLOUT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID DEMO = UUID.fromString("00000000-0000-0000-0000-000000000011");
    private static final UUID LEGAL = UUID.fromString("00000000-0000-0000-0000-000000000012");
    private static final UUID FORECAST = UUID.fromString("00000000-0000-0000-0000-000000000013");
    private static final UUID TRAINING = UUID.fromString("00000000-0000-0000-0000-000000000021");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void theFormIsCompactUtf8JsonWithAFixedKeyOrderAndTheHashIsItsSha256() throws Exception {
        String canonical = CanonicalForm.write(SharedContent.of(plan(UnaryOperator.identity())));
        assertThat(canonical).startsWith("{\"format\":\"mutua.shared-content/1\",\"plan\":\"" + PLAN
                + "\",\"targetSignature\":\"2026-03-30\",\"targetGoLive\":null,\"sections\":{\"problems\":")
                .contains("\"milestones\":[{\"id\":\"" + KICKOFF + "\",\"title\":\"Kick-off\",\"steps\":[{\"id\":\""
                        + DEMO + "\",\"title\":\"Démo für Ελένη\",\"description\":\"See *notes*\",\"side\":\"SELLER\","
                        + "\"owners\":[{\"name\":\"Ada Lovelace\",\"email\":\"ada@seller.example\"},"
                        + "{\"role\":\"CHAMPION\"}],\"targetDate\":\"2026-03-02\"}")
                .doesNotContain(" \"").doesNotContain("\n").doesNotContain("\\u");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(CanonicalForm.hash(canonical)).isEqualTo(expected).hasSize(64);
    }

    @Test
    void equalContentHashesEquallyInWhateverOrderItWasLoaded() {
        PlanView plan = plan(UnaryOperator.identity());
        PlanView shuffled = reversed(plan);
        assertThat(hash(shuffled)).isEqualTo(hash(plan));
        assertThat(CanonicalForm.write(CanonicalForm.read(CanonicalForm.write(SharedContent.of(plan)))))
                .as("read back and written again").isEqualTo(CanonicalForm.write(SharedContent.of(plan)));
    }

    @Test
    void everySharedChangeChangesTheHash() {
        String original = hash(plan(UnaryOperator.identity()));
        List<UnaryOperator<StepView>> stepChanges = List.of(
                step -> copy(step, step.title() + "!", step.description(), step.targetDate(), step.owners(),
                        step.side()),
                step -> copy(step, step.title(), step.description() + " more", step.targetDate(), step.owners(),
                        step.side()),
                step -> copy(step, step.title(), step.description(), step.targetDate().plusDays(1), step.owners(),
                        step.side()),
                step -> copy(step, step.title(), step.description(), step.targetDate(), step.owners().subList(0, 1),
                        step.side()),
                step -> copy(step, step.title(), step.description(), step.targetDate(), step.owners(), Side.BUYER));
        for (UnaryOperator<StepView> change : stepChanges) {
            assertThat(hash(plan(step -> step.id().equals(DEMO) ? change.apply(step) : step)))
                    .as("a changed shared step").isNotEqualTo(original);
        }
        PlanView plan = plan(UnaryOperator.identity());
        assertThat(hash(withSection(plan, SectionKey.SOLUTION, "Another solution"))).isNotEqualTo(original);
        assertThat(hash(withDates(plan, plan.targetSignature().plusDays(1), null))).isNotEqualTo(original);
        assertThat(hash(withDates(plan, plan.targetSignature(), DAY))).isNotEqualTo(original);
        assertThat(hash(withoutStep(plan, LEGAL))).as("a shared step removed").isNotEqualTo(original);
        assertThat(hash(withMilestoneTitle(plan, "Kick-off meeting"))).isNotEqualTo(original);
    }

    @Test
    void internalChangesAndProgressDoNotChangeTheHash() {
        String original = hash(plan(UnaryOperator.identity()));
        assertThat(hash(plan(step -> step.id().equals(FORECAST)
                ? copy(step, "Renamed", "Secret", step.targetDate().plusDays(20), List.of(), Side.BUYER) : step)))
                .as("an internal step changed").isEqualTo(original);
        assertThat(hash(withoutStep(plan(UnaryOperator.identity()), FORECAST))).as("an internal step removed")
                .isEqualTo(original);
        assertThat(hash(plan(step -> new StepView(step.id(), step.milestoneId(), step.position(), step.key(),
                step.title(), step.description(), step.side(), step.ownerRole(), step.visibility(), step.stageKey(),
                step.durationDays() + 3, step.estimateSource(), step.estimateSamples(), StepStatus.DONE,
                step.baselineDate(), step.start(), step.targetDate(), !step.pinned(), Instant.EPOCH, Instant.EPOCH,
                step.owners(), step.dependsOn(), step.slack(), true, step.version() + 1))))
                .as("progress and scheduling facts").isEqualTo(original);
    }

    // --- a small plan: two milestones, four steps (one internal) ----------------------------------------------------

    private static String hash(PlanView plan) {
        return CanonicalForm.hash(CanonicalForm.write(SharedContent.of(plan)));
    }

    private static PlanView plan(UnaryOperator<StepView> change) {
        List<OwnerView> owners = List.of(new OwnerView(null, null, null, null, "CHAMPION", "BUYER"),
                new OwnerView(UUID.randomUUID(), null, "Ada Lovelace", "Ada@Seller.example", null, "SELLER"));
        MilestoneView kickoff = new MilestoneView(KICKOFF, "Kick-off", 0, List.of(
                change.apply(step(DEMO, KICKOFF, 0, "Démo für Ελένη", "See *notes*", Visibility.SHARED, DAY, owners)),
                change.apply(step(FORECAST, KICKOFF, 1, "Forecast call", null, Visibility.INTERNAL, DAY, List.of())),
                change.apply(step(LEGAL, KICKOFF, 2, "Legal review", "NDA", Visibility.SHARED, DAY.plusDays(7),
                        List.of()))), 3);
        MilestoneView rollout = new MilestoneView(ROLLOUT, "Rollout", 1, List.of(change.apply(step(TRAINING, ROLLOUT,
                0, "Training", "", Visibility.SHARED, DAY.plusDays(21), owners.subList(1, 2)))), 1);
        List<SectionView> sections = List.of(
                new SectionView(SectionKey.PROBLEMS, "Slow *onboarding*", Instant.EPOCH, 1),
                new SectionView(SectionKey.SOLUTION, "Mutua", Instant.EPOCH, 1));
        return new PlanView(PLAN, null, "Deal", PlanKind.MUTUAL, PlanStatus.ACTIVE, true, "Playbook", 1,
                Instant.EPOCH, DAY.plusDays(30), DAY.plusDays(30), true, 0, List.of(kickoff, rollout),
                Audience.SELLER, "en", Instant.EPOCH, null, DAY.plusDays(28), null, null, sections, 7);
    }

    private static StepView step(UUID id, UUID milestone, int position, String title, String description,
            Visibility visibility, LocalDate target, List<OwnerView> owners) {
        return new StepView(id, milestone, position, null, title, description, Side.SELLER, null, visibility, null, 5,
                EstimateSource.MANUAL, 0, StepStatus.NOT_STARTED, target, target.minusDays(5), target, false, null,
                null, owners, List.of(), 0, false, 1);
    }

    private static StepView copy(StepView step, String title, String description, LocalDate target,
            List<OwnerView> owners, Side side) {
        return new StepView(step.id(), step.milestoneId(), step.position(), step.key(), title, description, side,
                step.ownerRole(), step.visibility(), step.stageKey(), step.durationDays(), step.estimateSource(),
                step.estimateSamples(), step.status(), step.baselineDate(), step.start(), target, step.pinned(),
                step.startedAt(), step.completedAt(), owners, step.dependsOn(), step.slack(), step.overdue(),
                step.version());
    }

    private static PlanView reversed(PlanView plan) {
        List<MilestoneView> milestones = new ArrayList<>();
        for (MilestoneView milestone : plan.milestones()) {
            List<StepView> steps = new ArrayList<>();
            for (StepView step : milestone.steps()) {
                List<OwnerView> owners = new ArrayList<>(step.owners());
                Collections.reverse(owners);
                steps.add(copy(step, step.title(), step.description(), step.targetDate(), owners, step.side()));
            }
            Collections.reverse(steps);
            milestones.add(new MilestoneView(milestone.id(), milestone.title(), milestone.position(), steps,
                    milestone.version()));
        }
        Collections.reverse(milestones);
        List<SectionView> sections = new ArrayList<>(plan.sections());
        Collections.reverse(sections);
        return with(plan, milestones, sections, plan.targetSignature(), plan.targetGoLive());
    }

    private static PlanView withoutStep(PlanView plan, UUID stepId) {
        return with(plan, plan.milestones().stream().map(milestone -> new MilestoneView(milestone.id(),
                milestone.title(), milestone.position(), milestone.steps().stream()
                .filter(step -> !step.id().equals(stepId)).toList(), milestone.version())).toList(),
                plan.sections(), plan.targetSignature(), plan.targetGoLive());
    }

    private static PlanView withMilestoneTitle(PlanView plan, String title) {
        return with(plan, plan.milestones().stream().map(milestone -> milestone.id().equals(KICKOFF)
                ? new MilestoneView(milestone.id(), title, milestone.position(), milestone.steps(), milestone.version())
                : milestone).toList(), plan.sections(), plan.targetSignature(), plan.targetGoLive());
    }

    private static PlanView withSection(PlanView plan, SectionKey key, String content) {
        List<SectionView> sections = new ArrayList<>(plan.sections().stream()
                .filter(section -> section.key() != key).toList());
        sections.add(new SectionView(key, content, Instant.EPOCH, 2));
        return with(plan, plan.milestones(), sections, plan.targetSignature(), plan.targetGoLive());
    }

    private static PlanView withDates(PlanView plan, LocalDate signature, LocalDate goLive) {
        return with(plan, plan.milestones(), plan.sections(), signature, goLive);
    }

    private static PlanView with(PlanView plan, List<MilestoneView> milestones, List<SectionView> sections,
            LocalDate signature, LocalDate goLive) {
        return new PlanView(plan.id(), plan.dealId(), plan.dealName(), plan.kind(), plan.status(), plan.edited(),
                plan.playbookName(), plan.playbookVersion(), plan.generatedAt(), plan.expectedClose(),
                plan.plannedEnd(), plan.feasible(), plan.businessDaysOver(), milestones, plan.audience(),
                plan.language(), plan.convertedAt(), plan.conversionOverride(), signature, goLive,
                plan.allowedDomains(), sections, plan.version());
    }
}
