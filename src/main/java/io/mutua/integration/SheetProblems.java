package io.mutua.integration;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The problems of a refused import in the reader's language: "Row 7, target date: …". */
@Component
class SheetProblems {

    private final MessageSource messages;

    SheetProblems(MessageSource messages) {
        this.messages = messages;
    }

    String text(RowProblem problem, Locale locale) {
        String message = messages.getMessage(problem.messageKey(), problem.args(), locale);
        return problem.column() == null
                ? messages.getMessage("spreadsheet.problemInRow", new Object[] {problem.row(), message}, locale)
                : messages.getMessage("spreadsheet.problemInCell",
                        new Object[] {problem.row(), problem.column().label(), message}, locale);
    }

    List<String> texts(SheetRejectedException rejected, Locale locale) {
        return rejected.problems().stream().map(problem -> text(problem, locale)).toList();
    }
}
