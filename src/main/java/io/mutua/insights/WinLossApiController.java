package io.mutua.insights;

import io.mutua.identity.Viewer;
import io.mutua.insights.WinLossAnalysis.Criteria;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The win-loss figures as JSON, for the same viewers and filters as the page. */
@RestController
@Tag(name = "Insights")
class WinLossApiController {

    static final String PATH = Paths.API + "/insights/win-loss";

    private final WinLossAnalysis analysis;

    WinLossApiController(WinLossAnalysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping(PATH)
    @Operation(summary = "Win-loss analysis of the deals closed in a period (default: the last 12 months): win rate "
            + "and counts, cycle time won vs lost (calendar days, median and nearest-rank p80), win rate by sales plan "
            + "(MAP, CLOSING, NONE), by MAP size (shared steps) and by non-revoked buyer participants, the stage lost "
            + "deals were last in, the 15 playbook steps with the largest median slip (business days past their "
            + "baseline; unfinished steps count until the close), and close reasons and competitors. MANAGER: their "
            + "team's deals; ADMIN: everyone's; others 403.")
    @Schema(implementation = WinLossReport.class)
    WinLossReport winLoss(Viewer viewer,
            @Parameter(description = "First close day, yyyy-MM-dd") @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = "Last close day, yyyy-MM-dd (default today)") @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(description = "Owner's team id") @RequestParam(required = false) UUID team,
            @Parameter(description = "Owner's user id") @RequestParam(required = false) UUID owner,
            @Parameter(description = "Playbook of the deal's sales plan") @RequestParam(required = false)
            UUID playbook,
            @Parameter(description = "Deal segment, exactly") @RequestParam(required = false) String segment) {
        return analysis.report(viewer, new Criteria(from, to, team, owner, playbook, segment));
    }
}
