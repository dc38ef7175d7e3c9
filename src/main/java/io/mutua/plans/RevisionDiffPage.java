package io.mutua.plans;

import java.util.List;

/**
 * Two revisions of a plan's shared content compared, on a page of its own for both audiences: {@code basePath} is
 * {@code /plans/{id}} or {@code /b/plans/{id}}, {@code backPath} the plan page.
 */
public record RevisionDiffPage(String basePath, String backPath, RevisionView from, RevisionView to,
        RevisionDiff diff, List<RevisionView> revisions) {

    public String comparePath() {
        return basePath + "/revisions/compare";
    }
}
