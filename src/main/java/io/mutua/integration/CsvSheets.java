package io.mutua.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The plan sheet as CSV, the way Excel and Google Sheets open it cleanly: UTF-8 with a byte order mark (without it
 * Excel reads Greek as Latin-1), RFC 4180 quoting and CRLF line ends. A text cell that a spreadsheet would take for
 * a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which spreadsheets
 * show as text; reading takes that apostrophe off again, so a sheet round-trips.
 */
final class CsvSheets {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final char BOM = '\uFEFF';
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvSheets() {
    }

    static byte[] write(PlanSheet sheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, WRITE)) {
            writer.write(BOM);
            printer.printRecord(sheet.columns().stream().map(SheetColumn::label).toList());
            for (PlanSheet.Row row : sheet.rows()) {
                printer.printRecord(sheet.columns().stream().map(column -> inert(PlanSheet.text(row, column)))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A cell a spreadsheet will never evaluate. */
    static String inert(String text) {
        return needsApostrophe(text) ? "'" + text : text;
    }

    /**
     * Whether a text gets an apostrophe: it starts like a formula, or it is apostrophes followed by such a start
     * (so that a text that really begins with an apostrophe keeps it through a write and a read).
     */
    static boolean needsApostrophe(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && "=+-@\t\r".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Reads CSV text in UTF-8 (a byte order mark is skipped). The delimiter is whichever of comma, semicolon or tab
     * the first line uses most, as spreadsheets in many European locales save with semicolons.
     */
    static RawSheet read(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableSheetException("spreadsheet.notUtf8");
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableSheetException("spreadsheet.unreadable");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).get();
        List<RawSheet.Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cell -> cells.add(uninert(cell)));
                lines.add(new RawSheet.Line((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException("spreadsheet.unreadable");
        }
        return RawSheet.of(lines);
    }

    private static String uninert(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && needsApostrophe(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    private static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}
