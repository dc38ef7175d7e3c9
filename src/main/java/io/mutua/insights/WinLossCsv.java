package io.mutua.insights;

import io.mutua.insights.WinLossTables.Cell;
import io.mutua.insights.WinLossTables.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One win-loss table as RFC 4180 CSV in UTF-8 with a byte order mark, so that spreadsheets read it right. */
final class WinLossCsv {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private WinLossCsv() {
    }

    static byte[] write(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            writer.write('\uFEFF');
            printer.printRecord(table.headers().stream().map(WinLossCsv::inert).toList());
            for (List<Cell> row : table.rows()) {
                printer.printRecord(row.stream().map(cell -> inert(cell.plain())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Text a spreadsheet would take for a formula (names of competitors, reasons, steps) gets an apostrophe; numbers,
     * negative ones included, stay numbers.
     */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()
                ? "'" + text : text;
    }
}
