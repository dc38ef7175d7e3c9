package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.playbooks.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Comparing two revisions names what a reader would look for: steps added and removed, dates, owners, status, text. */
class RevisionDiffTest {

    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID MILESTONE = UUID.randomUUID();
    private static final UUID DEMO = UUID.randomUUID();
    private static final UUID LEGAL = UUID.randomUUID();
    private static final UUID PILOT = UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    private static final SharedContent.Owner ADA = new SharedContent.Owner("Ada", "ada@seller.example", null);
    private static final SharedContent.Owner CHAMPION = new SharedContent.Owner(null, null, "CHAMPION");

    @Test
    void namesAddedRemovedMovedReassignedAndProgressedStepsAndChangedSections() {
        SharedContent before = content("Problems\nSlow onboarding", List.of(
                step(DEMO, "Demo", "Agenda", DAY, List.of(ADA)),
                step(LEGAL, "Legal review", "", DAY.plusDays(7), List.of(CHAMPION))));
        SharedContent after = content("Problems\nSlow onboarding\nManual reports", List.of(
                step(DEMO, "Demo", "Agenda", DAY.plusDays(3), List.of(ADA, CHAMPION)),
                step(PILOT, "Pilot", "", DAY.plusDays(14), List.of())));
        Progress was = new Progress(Map.of(DEMO, new Progress.StepProgress("NOT_STARTED", null),
                LEGAL, new Progress.StepProgress("NOT_STARTED", null)));
        Progress is = new Progress(Map.of(DEMO, new Progress.StepProgress("DONE", DAY.plusDays(3)),
                PILOT, new Progress.StepProgress("NOT_STARTED", null)));

        RevisionDiff diff = RevisionDiff.between(before, was, after, is);

        assertThat(diff.steps()).extracting(RevisionDiff.StepDiff::id, RevisionDiff.StepDiff::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEMO, RevisionDiff.Kind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple(PILOT, RevisionDiff.Kind.ADDED),
                        org.assertj.core.groups.Tuple.tuple(LEGAL, RevisionDiff.Kind.REMOVED));
        RevisionDiff.StepDiff demo = diff.steps().get(0);
        assertThat(demo.dateBefore()).isEqualTo(DAY);
        assertThat(demo.targetDate()).isEqualTo(DAY.plusDays(3));
        assertThat(demo.ownersBefore()).containsExactly(ADA);
        assertThat(demo.owners()).containsExactly(ADA, CHAMPION);
        assertThat(demo.statusBefore().status()).isEqualTo("NOT_STARTED");
        assertThat(demo.status().status()).isEqualTo("DONE");
        assertThat(demo.titleBefore()).isNull();
        assertThat(demo.description()).isNull();
        assertThat(diff.datesMoved()).containsExactly(demo);

        assertThat(diff.sections()).hasSize(1);
        assertThat(diff.sections().get(0).lines()).extracting(RevisionDiff.Line::kind, RevisionDiff.Line::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RevisionDiff.LineKind.SAME, "Problems"),
                        org.assertj.core.groups.Tuple.tuple(RevisionDiff.LineKind.SAME, "Slow onboarding"),
                        org.assertj.core.groups.Tuple.tuple(RevisionDiff.LineKind.ADDED, "Manual reports"));
    }

    @Test
    void equalContentHasNoDifferences() {
        SharedContent content = content("Same", List.of(step(DEMO, "Demo", "Agenda", DAY, List.of(ADA))));
        Progress progress = new Progress(Map.of(DEMO, new Progress.StepProgress("NOT_STARTED", null)));
        assertThat(RevisionDiff.between(content, progress, content, progress).empty()).isTrue();
    }

    private static SharedContent content(String problems, List<SharedContent.Step> steps) {
        return new SharedContent(PLAN, DAY.plusDays(30), null, Map.of(SectionKey.PROBLEMS, problems),
                List.of(new SharedContent.Milestone(MILESTONE, "Evaluation", steps)));
    }

    private static SharedContent.Step step(UUID id, String title, String description, LocalDate date,
            List<SharedContent.Owner> owners) {
        return new SharedContent.Step(id, title, description, Side.SELLER, owners, date);
    }
}
