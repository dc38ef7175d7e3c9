package io.mutua.forecasting.crm;

import io.mutua.web.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a CRM export, CSV or XLSX, into text. The header is the first non-blank row; blank rows are skipped. CSV may
 * be comma, semicolon or tab separated (whichever the header line uses most), UTF-8 with or without a byte order
 * mark, or Windows-1252 when the bytes are not UTF-8. XLSX: the first sheet; dates become ISO text and numbers plain
 * text, as a person reads them.
 */
final class SheetReader {

    static final int MAX_MEGABYTES = 20;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    static final int MAX_ROWS = 200_000;
    static final String FIELD = "file";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private SheetReader() {
    }

    static Sheet read(SheetFile file) {
        if (file.bytes().length > MAX_BYTES) {
            throw new InvalidInputException(FIELD, "crm.file.tooLarge", file.name(), MAX_MEGABYTES);
        }
        if (file.bytes().length == 0) {
            throw new InvalidInputException(FIELD, "crm.file.noHeader", file.name());
        }
        List<Sheet.Row> rows = isXlsx(file) ? xlsx(file) : csv(file);
        return withHeader(file.name(), rows);
    }

    private static boolean isXlsx(SheetFile file) {
        byte[] bytes = file.bytes();
        boolean zip = bytes.length >= 4 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1] && bytes[2] == ZIP[2]
                && bytes[3] == ZIP[3];
        String name = file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") && !zip || name.endsWith(".xls") || (!zip && looksBinary(bytes))) {
            throw new InvalidInputException(FIELD, "crm.file.unsupported", file.name());
        }
        return zip;
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Sheet withHeader(String name, List<Sheet.Row> rows) {
        int first = 0;
        while (first < rows.size() && blank(rows.get(first).cells())) {
            first++;
        }
        if (first == rows.size()) {
            throw new InvalidInputException(FIELD, "crm.file.noHeader", name);
        }
        List<String> headers = rows.get(first).cells().stream().map(h -> h == null ? "" : h.trim()).toList();
        int width = headers.size();
        while (width > 0 && headers.get(width - 1).isEmpty()) {
            width--;
        }
        headers = headers.subList(0, width);
        Set<String> seen = new HashSet<>();
        for (String header : headers) {
            if (!header.isEmpty() && !seen.add(header.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(FIELD, "crm.file.duplicateHeader", name, header);
            }
        }
        List<Sheet.Row> data = new ArrayList<>();
        for (int i = first + 1; i < rows.size(); i++) {
            if (!blank(rows.get(i).cells())) {
                data.add(rows.get(i));
                if (data.size() > MAX_ROWS) {
                    throw new InvalidInputException(FIELD, "crm.file.tooManyRows", name, MAX_ROWS);
                }
            }
        }
        return new Sheet(headers, data);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    private static List<Sheet.Row> csv(SheetFile file) {
        String text = decode(file.bytes());
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setTrim(false).get();
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                if (line > MAX_ROWS * 2 + 10) {
                    throw new InvalidInputException(FIELD, "crm.file.tooManyRows", file.name(), MAX_ROWS);
                }
                rows.add(new Sheet.Row(line, record.toList()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(FIELD, "crm.file.unreadable", file.name());
        }
        return rows;
    }

    /** Comma, semicolon or tab: whichever the first non-blank line has most of (comma when none). */
    static char delimiter(String text) {
        String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        char best = ',';
        long most = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static List<Sheet.Row> xlsx(SheetFile file) {
        List<Sheet.Row> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.bytes()))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException(FIELD, "crm.file.noHeader", file.name());
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS * 2 + 10) {
                throw new InvalidInputException(FIELD, "crm.file.tooManyRows", file.name(), MAX_ROWS);
            }
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                rows.add(new Sheet.Row(row.getRowNum() + 1, cells));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(FIELD, "crm.file.unreadable", file.name());
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    private static String date(LocalDateTime value) {
        if (value == null) {
            return "";
        }
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }
}
