package io.mutua.integration;

import io.mutua.web.InvalidInputException;

/** A file that cannot be imported at all: not a spreadsheet, not UTF-8, or without the columns of the layout. */
class UnreadableSheetException extends InvalidInputException {

    UnreadableSheetException(String messageKey, Object... args) {
        super(SpreadsheetImport.FILE, messageKey, args);
    }
}
