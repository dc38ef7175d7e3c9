package io.mutua.insights;

import io.mutua.insights.StepEstimateHistory.StepEstimate;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the learned estimate of each playbook step evolved, as JSON. */
@RestController
@Tag(name = "Insights")
class StepEstimatesApiController {

    static final String PATH = Paths.API + "/insights/step-estimates";

    private final StepEstimateHistory history;

    StepEstimatesApiController(StepEstimateHistory history) {
        this.history = history;
    }

    @GetMapping(PATH)
    @Operation(summary = "For each playbook step key done in the last two years, one point per month-end of the last "
            + "12 months (oldest first): the median business days (started to completed, plus one) over the steps "
            + "completed in the 12 months up to that day, the number of such steps, and whether they were enough (5) "
            + "to date new plans by")
    List<StepEstimate> stepEstimates() {
        return history.history();
    }
}
