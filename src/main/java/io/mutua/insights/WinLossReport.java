package io.mutua.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The win-loss figures of the closed deals a filter covers. */
@Schema(description = "Win-loss figures of the deals closed in the period that the viewer may see")
public record WinLossReport(
        @Schema(description = "First close day counted") LocalDate from,
        @Schema(description = "Last close day counted") LocalDate to,
        @Schema(description = "Deals won and lost") Outcomes total,
        @Schema(description = "Cycle time of won deals") CycleTime wonCycle,
        @Schema(description = "Cycle time of lost deals") CycleTime lostCycle,
        @Schema(description = "By sales plan: MAP (mutual action plan), CLOSING (closing plan only), NONE")
        List<Group> byPlan,
        @Schema(description = "Deals with a MAP by shared steps: 0, 1-5, 6-10, 11-20, 21+") List<Group> byMapSize,
        @Schema(description = "By non-revoked buyer participants: 0, 1, 2, 3-4, 5+") List<Group> byBuyers,
        @Schema(description = "Lost deals by the last open stage they entered, most first") List<StageCount> stalled,
        @Schema(description = "The 15 playbook steps with the largest median slip, largest first")
        List<StepSlip> slips,
        @Schema(description = "Close reasons picked, won first, most first") List<ReasonCount> reasons,
        @Schema(description = "Competitors named at the close, most deals first") List<CompetitorCount> competitors) {

    /** Deals won and lost; the win rate is won / (won + lost), {@code null} without deals. */
    public record Outcomes(long won, long lost, long total,
            @Schema(description = "won / total, between 0 and 1; null without deals") Double winRate) {

        static Outcomes of(long won, long lost) {
            long total = won + lost;
            return new Outcomes(won, lost, total, total == 0 ? null : (double) won / total);
        }
    }

    /** The outcomes of the deals in one group (e.g. "MAP", "1-5", "3-4"). */
    public record Group(String key, Outcomes outcomes) {
    }

    /** Calendar days from a deal's creation to its close: median and nearest-rank 80th percentile. */
    public record CycleTime(int deals, @Schema(description = "Median calendar days; null without deals") Double medianDays,
            @Schema(description = "Nearest-rank 80th percentile of calendar days") Integer p80Days) {
    }

    /** How many lost deals were last in this open stage. */
    public record StageCount(String stage, String name, long deals) {
    }

    /** How late one playbook step was in plans of won deals, of lost deals, and of both. */
    public record StepSlip(String key, Slip all, Slip won, Slip lost) {
    }

    /**
     * Steps counted, the median slip in business days (completion day, or the close day when never done, minus the
     * baseline date) and the share of those steps that were late (slip above zero); {@code null}s without steps.
     */
    public record Slip(int steps,
            @Schema(description = "Median business days past the baseline; negative = early") Double medianBusinessDays,
            @Schema(description = "Share of these steps done after their baseline, between 0 and 1") Double lateShare) {
    }

    /** How many deals were won or lost for this reason. */
    public record ReasonCount(String outcome, String label, long deals) {
    }

    /** How many deals were won and lost against this competitor. */
    public record CompetitorCount(String competitor, long won, long lost) {
    }
}
