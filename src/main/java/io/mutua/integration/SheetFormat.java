package io.mutua.integration;

import java.util.Locale;

/** The two spreadsheet formats Mutua writes and reads. */
enum SheetFormat {
    CSV("csv", CsvSheets.CONTENT_TYPE),
    XLSX("xlsx", XlsxSheets.CONTENT_TYPE);

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final String extension;
    private final String contentType;

    SheetFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    byte[] write(PlanSheet sheet) {
        return this == CSV ? CsvSheets.write(sheet) : XlsxSheets.write(sheet);
    }

    /**
     * Reads an uploaded file, recognising its format from its bytes: a ZIP package is a workbook, anything else
     * must be CSV text. An old binary Excel file (.xls), or a file named .xlsx that is no workbook, is refused.
     */
    static RawSheet read(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw new UnreadableSheetException("spreadsheet.noFile");
        }
        if (startsWith(content, ZIP)) {
            return XlsxSheets.read(content);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, OLE2) || name.endsWith(".xls")) {
            throw new UnreadableSheetException("spreadsheet.oldExcel");
        }
        if (name.endsWith(".xlsx")) {
            throw new UnreadableSheetException("spreadsheet.unreadable");
        }
        return CsvSheets.read(content);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
