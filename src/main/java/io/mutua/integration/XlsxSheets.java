package io.mutua.integration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The plan sheet as an Excel workbook (Apache POI): one sheet named after the account, a bold header row that
 * stays in view, an autofilter, column widths that fit the content, and dates as real date cells. Every text is a
 * string cell, never a formula, so a title that starts with "=" is shown, not run.
 */
final class XlsxSheets {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String FALLBACK_SHEET_NAME = "Plan";

    private XlsxSheets() {
    }

    static byte[] write(PlanSheet plan) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            String name = plan.account() == null || plan.account().isBlank() ? FALLBACK_SHEET_NAME : plan.account();
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.cloneStyleFrom(text);
            wrapped.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.cloneStyleFrom(text);
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));

            List<SheetColumn> columns = plan.columns();
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = headerRow.createCell(i, CellType.STRING);
                cell.setCellValue(columns.get(i).label());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            int r = 1;
            for (PlanSheet.Row row : plan.rows()) {
                Row sheetRow = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = PlanSheet.value(row, columns.get(i));
                    if (value instanceof LocalDate day) {
                        Cell cell = sheetRow.createCell(i, CellType.NUMERIC);
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value != null && !value.toString().isEmpty()) {
                        Cell cell = sheetRow.createCell(i, CellType.STRING);
                        cell.setCellValue(value.toString());
                        cell.setCellStyle(columns.get(i) == SheetColumn.NOTES ? wrapped : text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(plan.rows().size(), 1), 0, columns.size() - 1));
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the first sheet of a workbook. Date cells become ISO dates, other cells the text Excel shows (a
     * formula's last computed value, never the formula).
     */
    static RawSheet read(byte[] content) {
        List<RawSheet.Line> lines = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableSheetException("spreadsheet.empty");
            }
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    cells.add(text(row.getCell(i), formatter));
                }
                lines.add(new RawSheet.Line(row.getRowNum() + 1, cells));
            }
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException("spreadsheet.unreadable");
        }
        return RawSheet.of(lines);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : formatter.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
