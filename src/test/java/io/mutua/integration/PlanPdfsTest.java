package io.mutua.integration;

import static io.mutua.integration.PlanTimelineTest.milestone;
import static io.mutua.integration.PlanTimelineTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes into a seller's shared copy, when the plan is due to end, and the name the file is saved under. */
class PlanPdfsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void theSharedCopyLeavesOutInternalStepsAndMilestonesThatHoldNothingElse() {
        MilestoneView mixed = milestone("Mixed",
                step("Shared", Visibility.SHARED, DAY, DAY, StepStatus.NOT_STARTED, null, false),
                step("Pricing", Visibility.INTERNAL, DAY, DAY, StepStatus.NOT_STARTED, null, false));
        MilestoneView internalOnly = milestone("Internal only",
                step("Approval", Visibility.INTERNAL, DAY, DAY, StepStatus.NOT_STARTED, null, false));
        MilestoneView empty = milestone("Not planned yet");

        List<MilestoneView> shared = PlanPdfs.sharedOnly(List.of(mixed, internalOnly, empty));

        assertThat(shared).extracting(MilestoneView::title).containsExactly("Mixed", "Not planned yet");
        assertThat(shared.get(0).steps()).extracting(step -> step.title()).containsExactly("Shared");
    }

    @Test
    void thePlannedEndIsTheLastTargetStillToDoOrTheLastOfAllOnceEverythingIsFinished() {
        MilestoneView open = milestone("Open",
                step("Late and done", Visibility.SHARED, DAY, DAY.plusDays(30), StepStatus.DONE, null, false),
                step("Next", Visibility.SHARED, DAY, DAY.plusDays(10), StepStatus.IN_PROGRESS, null, false));
        MilestoneView finished = milestone("Finished",
                step("A", Visibility.SHARED, DAY, DAY.plusDays(30), StepStatus.DONE, null, false),
                step("B", Visibility.SHARED, DAY, DAY.plusDays(10), StepStatus.SKIPPED, null, false));

        assertThat(PlanPdfs.plannedEnd(List.of(open))).isEqualTo(DAY.plusDays(10));
        assertThat(PlanPdfs.plannedEnd(List.of(finished))).isEqualTo(DAY.plusDays(30));
        assertThat(PlanPdfs.plannedEnd(List.of(milestone("Empty")))).isNull();
    }

    @Test
    void fileNamesKeepTheAccountsLettersButNoPathOrReservedCharacters() {
        assertThat(PlanPdfs.fileName("Ακμή Ρομποτική - κοινό πλάνο δράσης"))
                .isEqualTo("Ακμή Ρομποτική - κοινό πλάνο δράσης.pdf");
        assertThat(PlanPdfs.fileName("../Acme/Ltd: \"Q3\"\u0007 - plan")).isEqualTo("Acme Ltd Q3 - plan.pdf");
        assertThat(PlanPdfs.fileName("...")).isEqualTo("plan.pdf");
        assertThat(PlanPdfs.fileName("x".repeat(500))).hasSize(PlanPdfs.MAX_FILE_NAME + ".pdf".length());
    }
}
