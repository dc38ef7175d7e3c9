package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets read and made in tests with the libraries themselves (Commons CSV, Apache POI). */
final class Sheets {

    private Sheets() {
    }

    /** The rows of a CSV export, header first, after checking its byte order mark. */
    static List<List<String>> csv(byte[] content) {
        assertThat(content).as("a CSV export starts with a UTF-8 byte order mark").startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(content, StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.RFC4180)
                .get()) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Opens a workbook with Apache POI. */
    static XSSFWorkbook workbook(byte[] content) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sheet as text, header first; date cells as ISO dates (and asserted to be date cells). */
    static List<List<String>> xlsx(byte[] content) {
        try (XSSFWorkbook workbook = workbook(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(text(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        assertThat(cell.getCellType()).as("cell %s is never a formula", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
        if (cell.getCellType() == CellType.NUMERIC) {
            assertThat(DateUtil.isCellDateFormatted(cell)).as("numeric cell %s has a date format", cell.getAddress())
                    .isTrue();
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return cell.getStringCellValue();
    }

    /** A workbook made by hand, as a person would in Excel: text cells, and LocalDate values as date cells. */
    static byte[] workbookOf(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Plan");
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("d/m/yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof LocalDate date) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dates);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows without the columns at these indexes, to compare what an import carries over. */
    static List<List<String>> without(List<List<String>> rows, int... columns) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> kept = new ArrayList<>(row);
            for (int i = columns.length - 1; i >= 0; i--) {
                kept.remove(columns[i]);
            }
            result.add(kept);
        }
        return result;
    }
}
