package io.mutua.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The editing operations of a playbook's content and every rule {@link PlaybookContent#validate} enforces. */
class PlaybookContentTest {

    static final Set<String> STAGES = Set.of("discovery", "solution", "proposal");

    /** Discovery: discovery-call, pain-confirmed → Evaluation: demo, poc → Close: signature. */
    static PlaybookContent sample() {
        return new PlaybookContent(List.of(
                new MilestoneTemplate("Discovery", List.of(
                        seller("discovery-call", "discovery"),
                        buyer("pain-confirmed", "discovery", "discovery-call"))),
                new MilestoneTemplate("Evaluation", List.of(
                        seller("demo", "solution", "pain-confirmed"),
                        seller("poc", "solution", "demo"))),
                new MilestoneTemplate("Close", List.of(
                        buyer("signature", "proposal", "poc", "discovery-call")))));
    }

    static StepTemplate seller(String key, String stage, String... dependsOn) {
        return new StepTemplate(key, "Title of " + key, "How to do " + key, Side.SELLER,
                OwnerRole.ACCOUNT_EXECUTIVE, Visibility.INTERNAL, stage, 3, List.of(dependsOn));
    }

    static StepTemplate buyer(String key, String stage, String... dependsOn) {
        return new StepTemplate(key, "Title of " + key, "", Side.BUYER, OwnerRole.CHAMPION, Visibility.SHARED, stage,
                2, List.of(dependsOn));
    }

    static List<String> keys(PlaybookContent content) {
        return content.steps().stream().map(StepTemplate::key).toList();
    }

    static List<String> titles(PlaybookContent content) {
        return content.milestones().stream().map(MilestoneTemplate::title).toList();
    }

    @Test
    void theSampleIsValidAndValidateReturnsTheContentItself() {
        PlaybookContent content = sample();
        assertThat(content.validate(STAGES)).isSameAs(content);
        assertThat(keys(content)).containsExactly("discovery-call", "pain-confirmed", "demo", "poc", "signature");
    }

    @Test
    void missingListsBecomeEmptyAndListsCannotBeChangedFromOutside() {
        assertThat(new PlaybookContent(null).milestones()).isEmpty();
        assertThat(PlaybookContent.empty().validate(STAGES).steps()).isEmpty();
        StepTemplate step = new StepTemplate("some-step", "Title", null, Side.SELLER, OwnerRole.ACCOUNT_EXECUTIVE,
                Visibility.SHARED, "discovery", 1, null);
        assertThat(step.guidance()).isEmpty();
        assertThat(step.dependsOn()).isEmpty();
        assertThatThrownBy(() -> sample().milestones().add(new MilestoneTemplate("x", null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Editing {

        @Test
        void everyEditLeavesTheOriginalAsItWas() {
            PlaybookContent original = sample();
            List<UnaryOperator<PlaybookContent>> edits = List.of(
                    content -> content.addMilestone("New"),
                    content -> content.renameMilestone(0, "Renamed"),
                    content -> content.moveMilestone(1, -1),
                    content -> content.removeMilestone(1),
                    content -> content.addStep(0, seller("extra", "discovery")),
                    content -> content.replaceStep(seller("demo", "proposal")),
                    content -> content.removeStep("demo"),
                    content -> content.moveStep("poc", -1));
            for (UnaryOperator<PlaybookContent> edit : edits) {
                assertThat(edit.apply(original)).isNotEqualTo(original);
                assertThat(original).isEqualTo(sample());
            }
        }

        @Test
        void addMilestoneAppendsItTrimmedAndEmpty() {
            PlaybookContent content = sample().addMilestone("  Kickoff  ");
            assertThat(titles(content)).containsExactly("Discovery", "Evaluation", "Close", "Kickoff");
            assertThat(content.milestones().get(3).steps()).isEmpty();
            assertThat(content.validate(STAGES)).isSameAs(content);
        }

        @Test
        void renameMilestoneKeepsItsSteps() {
            PlaybookContent content = sample().renameMilestone(1, " Proof of value ");
            assertThat(titles(content)).containsExactly("Discovery", "Proof of value", "Close");
            assertThat(keys(content)).isEqualTo(keys(sample()));
        }

        @Test
        void moveMilestoneMovesOnePlaceAndStopsAtTheEnds() {
            PlaybookContent content = sample().addMilestone("Kickoff");
            assertThat(titles(content.moveMilestone(3, -1))).containsExactly("Discovery", "Evaluation", "Kickoff",
                    "Close");
            assertThat(titles(content.moveMilestone(2, 1))).containsExactly("Discovery", "Evaluation", "Kickoff",
                    "Close");
            assertThat(titles(content.moveMilestone(2, 5))).as("any positive direction is one place down")
                    .containsExactly("Discovery", "Evaluation", "Kickoff", "Close");
            assertThat(content.moveMilestone(0, -1)).isSameAs(content);
            assertThat(content.moveMilestone(3, 1)).isSameAs(content);
        }

        @Test
        void aMilestoneMoveThatPutsAStepBeforeItsDependencyIsRefusedByValidation() {
            PlaybookContent moved = sample().moveMilestone(1, -1);
            assertThat(titles(moved)).containsExactly("Evaluation", "Discovery", "Close");
            assertRefused(moved, "milestones[0].steps[0].dependsOn", "playbooks.badDependency");
        }

        @Test
        void removeMilestoneRemovesItsStepsAndEveryDependencyOnThem() {
            PlaybookContent content = sample().removeMilestone(1);
            assertThat(titles(content)).containsExactly("Discovery", "Close");
            assertThat(keys(content)).containsExactly("discovery-call", "pain-confirmed", "signature");
            assertThat(content.steps().get(2).dependsOn()).containsExactly("discovery-call");
            assertThat(content.validate(STAGES)).isSameAs(content);
        }

        @Test
        void addStepAppendsToItsMilestone() {
            PlaybookContent content = sample().addStep(1, seller("business-case", "solution", "poc"));
            assertThat(content.milestones().get(1).steps()).extracting(StepTemplate::key)
                    .containsExactly("demo", "poc", "business-case");
            assertThat(content.validate(STAGES)).isSameAs(content);
        }

        @Test
        void replaceStepChangesEverythingButTheKeyAndKeepsItsPlace() {
            StepTemplate changed = new StepTemplate("demo", "Tailored demo", "Show their data", Side.SELLER,
                    OwnerRole.SOLUTIONS_ENGINEER, Visibility.SHARED, "proposal", 4, List.of("discovery-call"));
            PlaybookContent content = sample().replaceStep(changed);
            assertThat(keys(content)).isEqualTo(keys(sample()));
            assertThat(content.milestones().get(1).steps().get(0)).isEqualTo(changed);
            assertThat(content.validate(STAGES)).isSameAs(content);
        }

        @Test
        void replaceStepOfAnUnknownKeyIsRefused() {
            assertRefused(() -> sample().replaceStep(seller("nope", "discovery")), "key", "playbooks.stepNotFound");
        }

        @Test
        void removeStepRemovesItAndEveryDependencyOnIt() {
            PlaybookContent content = sample().removeStep("poc");
            assertThat(keys(content)).containsExactly("discovery-call", "pain-confirmed", "demo", "signature");
            assertThat(content.steps().get(3).dependsOn()).containsExactly("discovery-call");
            assertThat(content.validate(STAGES)).isSameAs(content);
            assertThat(sample().removeStep("unknown")).isEqualTo(sample());
        }

        @Test
        void moveStepMovesWithinItsMilestoneOnly() {
            PlaybookContent content = sample().addStep(1, seller("business-case", "solution"));
            assertThat(keys(content.moveStep("business-case", -1)))
                    .containsExactly("discovery-call", "pain-confirmed", "demo", "business-case", "poc", "signature");
            assertThat(keys(content.moveStep("demo", -1))).as("the first step of a milestone stays")
                    .isEqualTo(keys(content));
            assertThat(keys(content.moveStep("business-case", 1))).as("the last step of a milestone stays")
                    .isEqualTo(keys(content));
            assertThat(content.moveStep("unknown", 1)).isEqualTo(content);
        }

        @Test
        void aStepMovedAboveItsDependencyIsRefusedByValidation() {
            PlaybookContent moved = sample().moveStep("poc", -1);
            assertThat(keys(moved)).containsExactly("discovery-call", "pain-confirmed", "poc", "demo", "signature");
            assertRefused(moved, "milestones[1].steps[0].dependsOn", "playbooks.badDependency");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 3})
        void milestoneEditsOutsideTheListAreRefused(int index) {
            assertRefused(() -> sample().renameMilestone(index, "x"), "milestone", "playbooks.milestoneNotFound");
            assertRefused(() -> sample().moveMilestone(index, 1), "milestone", "playbooks.milestoneNotFound");
            assertRefused(() -> sample().removeMilestone(index), "milestone", "playbooks.milestoneNotFound");
            assertRefused(() -> sample().addStep(index, seller("extra", "discovery")), "milestone",
                    "playbooks.milestoneNotFound");
        }
    }

    @Nested
    class Rules {

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aMilestoneNeedsATitle(String title) {
            assertRefused(sample().renameMilestone(2, title), "milestones[2].title", "validation.required");
            assertRefused(sample().addMilestone(null), "milestones[3].title", "validation.required");
        }

        @Test
        void aMilestoneTitleHasAMaximumLength() {
            assertThat(sample().renameMilestone(0, "m".repeat(PlaybookContent.MAX_MILESTONE_TITLE)).validate(STAGES))
                    .isNotNull();
            assertRefused(sample().renameMilestone(0, "m".repeat(PlaybookContent.MAX_MILESTONE_TITLE + 1)),
                    "milestones[0].title", "validation.maxLength");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "Demo", "-demo", "demo call", "démo", "demo_call", "demo.call"})
        void keysAreThreeToSixtyLowerCaseLettersDigitsAndDashes(String key) {
            assertRefused(sample().addStep(0, seller(key, "discovery")), "milestones[0].steps[2].key",
                    "playbooks.badKey");
        }

        @Test
        void keysAtTheLimitsAreAccepted() {
            PlaybookContent content = sample().addStep(0, seller("a1-", "discovery"))
                    .addStep(0, seller("k".repeat(60), "discovery"));
            assertThat(content.validate(STAGES)).isSameAs(content);
            assertRefused(sample().addStep(0, seller("k".repeat(61), "discovery")), "milestones[0].steps[2].key",
                    "playbooks.badKey");
            assertRefused(sample().addStep(0, seller(null, "discovery")), "milestones[0].steps[2].key",
                    "playbooks.badKey");
        }

        @Test
        void keysAreUniqueAcrossMilestones() {
            PlaybookContent twice = new PlaybookContent(List.of(
                    new MilestoneTemplate("One", List.of(seller("demo", "discovery"))),
                    new MilestoneTemplate("Two", List.of(seller("other", "solution"), seller("demo", "solution")))));
            assertRefused(twice, "milestones[1].steps[1].key", "playbooks.duplicateKey");
        }

        @Test
        void aStepAddedWithAKeyThatIsTakenIsRefusedAtTheNewStep() {
            assertRefused(() -> sample().addStep(0, seller("demo", "discovery")), "milestones[0].steps[2].key",
                    "playbooks.duplicateKey");
            assertRefused(() -> sample().addStep(2, seller("signature", "proposal")), "milestones[2].steps[1].key",
                    "playbooks.duplicateKey");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void aStepNeedsATitle(String title) {
            assertRefused(sample().replaceStep(with(sample().steps().get(2), title, null)),
                    "milestones[1].steps[0].title", "validation.required");
        }

        @Test
        void aStepTitleAndItsGuidanceHaveMaximumLengths() {
            StepTemplate demo = sample().steps().get(2);
            assertThat(sample().replaceStep(with(demo, "t".repeat(PlaybookContent.MAX_TITLE),
                    "g".repeat(PlaybookContent.MAX_GUIDANCE))).validate(STAGES)).isNotNull();
            assertRefused(sample().replaceStep(with(demo, "t".repeat(PlaybookContent.MAX_TITLE + 1), null)),
                    "milestones[1].steps[0].title", "validation.maxLength");
            assertRefused(sample().replaceStep(with(demo, null, "g".repeat(PlaybookContent.MAX_GUIDANCE + 1))),
                    "milestones[1].steps[0].guidance", "validation.maxLength");
        }

        @Test
        void textThatTheDatabaseCannotStoreIsRefused() {
            StepTemplate demo = sample().steps().get(2);
            assertRefused(sample().replaceStep(with(demo, "Demo\u0000", null)), "milestones[1].steps[0].title",
                    "validation.text");
            assertRefused(sample().replaceStep(with(demo, null, "Guidance\u0000")), "milestones[1].steps[0].guidance",
                    "validation.text");
            assertRefused(sample().renameMilestone(1, "Eval\u0000uation"), "milestones[1].title", "validation.text");
        }

        @Test
        void aStepNeedsASideAndAnOwnerRoleOfThatSide() {
            StepTemplate demo = sample().steps().get(2);
            assertRefused(sample().replaceStep(step(demo, null, OwnerRole.ACCOUNT_EXECUTIVE, Visibility.SHARED)),
                    "milestones[1].steps[0].side", "validation.required");
            assertRefused(sample().replaceStep(step(demo, Side.SELLER, null, Visibility.SHARED)),
                    "milestones[1].steps[0].ownerRole", "validation.required");
            assertRefused(sample().replaceStep(step(demo, Side.SELLER, OwnerRole.CHAMPION, Visibility.SHARED)),
                    "milestones[1].steps[0].ownerRole", "playbooks.roleOtherSide");
            assertRefused(sample().replaceStep(step(demo, Side.BUYER, OwnerRole.SELLER_LEGAL, Visibility.SHARED)),
                    "milestones[1].steps[0].ownerRole", "playbooks.roleOtherSide");
        }

        @Test
        void everyOwnerRoleIsValidOnItsOwnSide() {
            StepTemplate demo = sample().steps().get(2);
            for (OwnerRole role : OwnerRole.values()) {
                PlaybookContent content = sample().replaceStep(step(demo, role.side(), role, Visibility.SHARED));
                assertThat(content.validate(STAGES)).as(role.name()).isSameAs(content);
            }
            assertThat(Arrays.stream(OwnerRole.values()).map(OwnerRole::side)).contains(Side.SELLER, Side.BUYER);
        }

        @Test
        void buyerStepsAreAlwaysSharedAndEveryStepNeedsAVisibility() {
            StepTemplate demo = sample().steps().get(2);
            assertRefused(sample().replaceStep(step(demo, Side.BUYER, OwnerRole.SECURITY, Visibility.INTERNAL)),
                    "milestones[1].steps[0].visibility", "playbooks.buyerStepsShared");
            assertRefused(sample().replaceStep(step(demo, Side.SELLER, OwnerRole.SOLUTIONS_ENGINEER, null)),
                    "milestones[1].steps[0].visibility", "validation.required");
            PlaybookContent internal = sample().replaceStep(step(demo, Side.SELLER, OwnerRole.SOLUTIONS_ENGINEER,
                    Visibility.INTERNAL));
            assertThat(internal.validate(STAGES)).isSameAs(internal);
        }

        @Test
        void aStepBelongsToAStageThePipelineOffers() {
            assertRefused(sample().addStep(0, seller("extra", "won")), "milestones[0].steps[2].stage",
                    "playbooks.unknownStage");
            assertRefused(sample().addStep(0, seller("extra", null)), "milestones[0].steps[2].stage",
                    "playbooks.unknownStage");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3, PlaybookContent.MAX_DAYS + 1})
        void theDefaultDurationIsOneToTheMaximumBusinessDays(int days) {
            assertRefused(sample().addStep(0, days("extra", days)), "milestones[0].steps[2].defaultDays",
                    "playbooks.days");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, PlaybookContent.MAX_DAYS})
        void durationsAtTheLimitsAreAccepted(int days) {
            PlaybookContent content = sample().addStep(0, days("extra", days));
            assertThat(content.validate(STAGES)).isSameAs(content);
        }

        @Test
        void aStepDependsOnlyOnEarlierStepsEachOnce() {
            assertRefused(sample().addStep(0, seller("extra", "discovery", "poc")), "milestones[0].steps[2].dependsOn",
                    "playbooks.badDependency");
            assertRefused(sample().addStep(0, seller("extra", "discovery", "unknown")),
                    "milestones[0].steps[2].dependsOn", "playbooks.badDependency");
            assertRefused(sample().addStep(0, seller("extra", "discovery", "extra")),
                    "milestones[0].steps[2].dependsOn", "playbooks.badDependency");
            assertRefused(sample().addStep(0, seller("extra", "discovery", "discovery-call", "discovery-call")),
                    "milestones[0].steps[2].dependsOn", "playbooks.badDependency");
            PlaybookContent earlier = sample().addStep(2, seller("kickoff", "proposal", "signature", "demo"));
            assertThat(earlier.validate(STAGES)).isSameAs(earlier);
        }

        @Test
        void theFirstBrokenRuleIsReportedWithTheDependencyItNames() {
            PlaybookContent content = sample().addStep(0, seller("extra", "won", "poc"));
            assertThatThrownBy(() -> content.validate(STAGES))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("milestones[0].steps[2].stage");
                    });
            PlaybookContent dependency = sample().addStep(0, seller("extra", "discovery", "poc"));
            assertThatThrownBy(() -> dependency.validate(STAGES))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.args()).containsExactly("poc"));
        }
    }

    private static StepTemplate with(StepTemplate step, String title, String guidance) {
        return new StepTemplate(step.key(), title == null ? step.title() : title,
                guidance == null ? step.guidance() : guidance, step.side(), step.ownerRole(), step.visibility(),
                step.stage(), step.defaultDays(), step.dependsOn());
    }

    private static StepTemplate step(StepTemplate step, Side side, OwnerRole role, Visibility visibility) {
        return new StepTemplate(step.key(), step.title(), step.guidance(), side, role, visibility, step.stage(),
                step.defaultDays(), step.dependsOn());
    }

    private static StepTemplate days(String key, int days) {
        return new StepTemplate(key, "Title", "", Side.SELLER, OwnerRole.SALES_MANAGER, Visibility.INTERNAL,
                "discovery", days, List.of());
    }

    private static void assertRefused(PlaybookContent content, String field, String messageKey) {
        assertRefused(() -> content.validate(STAGES), field, messageKey);
    }

    private static void assertRefused(Runnable action, String field, String messageKey) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                });
    }
}
