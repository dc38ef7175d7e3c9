package io.mutua.integration;

import io.mutua.web.InvalidInputException;
import java.util.Comparator;
import java.util.List;

/** An import refused because rows are wrong; nothing was imported. Every problem found is listed. */
class SheetRejectedException extends InvalidInputException {

    private final transient List<RowProblem> problems;

    SheetRejectedException(List<RowProblem> problems, String messageKey, Object... args) {
        super(SpreadsheetImport.FILE, messageKey, args);
        this.problems = problems.stream()
                .sorted(Comparator.comparingInt(RowProblem::row)
                        .thenComparing(problem -> problem.column() == null ? -1 : problem.column().ordinal()))
                .toList();
    }

    static SheetRejectedException of(List<RowProblem> problems) {
        return new SheetRejectedException(problems, "spreadsheet.rejected", problems.size());
    }

    List<RowProblem> problems() {
        return problems;
    }
}
