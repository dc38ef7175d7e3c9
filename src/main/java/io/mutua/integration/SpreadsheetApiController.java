package io.mutua.integration;

import io.mutua.identity.Viewer;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The plan spreadsheet over the API, with the sellers' rules of the pages: export as CSV or XLSX (shared steps, or
 * all with {@code internal=true}) and import, as a multipart {@code file} or as the raw body. A refused import
 * answers 400 with one entry per problem in {@code errors}: its {@code row}, {@code column} and {@code message}.
 */
@RestController
@Tag(name = "Plan spreadsheets")
class SpreadsheetApiController {

    static final String PLAN = Paths.API + "/plans/{planId}";
    static final String CSV = PLAN + "/export.csv";
    static final String XLSX = PLAN + "/export.xlsx";
    static final String IMPORT = PLAN + "/import";
    static final long MAX_BYTES = SpreadsheetImportController.MAX_MEGABYTES * 1024 * 1024;

    private final SpreadsheetExports exports;
    private final SpreadsheetImport imports;
    private final SheetProblems problems;
    private final MessageSource messages;

    SpreadsheetApiController(SpreadsheetExports exports, SpreadsheetImport imports, SheetProblems problems,
            MessageSource messages) {
        this.exports = exports;
        this.imports = imports;
        this.problems = problems;
        this.messages = messages;
    }

    /** One problem of a refused import; {@code field} is the column, or "file" for the row as a whole. */
    record RowProblemJson(String field, int row, String column, String message) {
    }

    @GetMapping(CSV)
    @Operation(summary = "The plan as CSV (UTF-8 with BOM): its shared steps, or every step and a visibility column "
            + "with internal=true")
    ResponseEntity<byte[]> csv(Viewer viewer, @PathVariable UUID planId,
            @RequestParam(defaultValue = "false") boolean internal, Locale locale) {
        return exports.forSeller(viewer, planId, internal, SheetFormat.CSV, locale).download();
    }

    @GetMapping(XLSX)
    @Operation(summary = "The plan as an Excel workbook: its shared steps, or every step and a visibility column "
            + "with internal=true")
    ResponseEntity<byte[]> xlsx(Viewer viewer, @PathVariable UUID planId,
            @RequestParam(defaultValue = "false") boolean internal, Locale locale) {
        return exports.forSeller(viewer, planId, internal, SheetFormat.XLSX, locale).download();
    }

    @PostMapping(path = IMPORT, consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, "text/csv",
            XlsxSheets.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a sheet in the export layout (CSV or XLSX, as a multipart 'file' or the raw body): "
            + "all rows or none; 400 lists every problem by row and column")
    ImportSummary importSheet(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request)
            throws IOException {
        imports.importable(viewer, planId);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = part(multipart);
            return imports.importInto(viewer, planId, file.getBytes(), file.getOriginalFilename());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (body.length > MAX_BYTES) {
            throw new UnreadableSheetException("spreadsheet.tooLarge", SpreadsheetImportController.MAX_MEGABYTES);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return imports.importInto(viewer, planId, body, type.startsWith(XlsxSheets.CONTENT_TYPE) ? "body.xlsx"
                : "body.csv");
    }

    @ExceptionHandler(SheetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(SheetRejectedException rejected, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(rejected.messageKey(), rejected.args(), locale));
        List<RowProblemJson> errors = rejected.problems().stream()
                .map(row -> new RowProblemJson(row.column() == null ? SpreadsheetImport.FILE : row.columnLabel(),
                        row.row(), row.column() == null ? null : row.columnLabel(), problems.text(row, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static MultipartFile part(MultipartHttpServletRequest multipart) {
        try {
            MultipartFile file = multipart.getFile(SpreadsheetImport.FILE);
            if (file == null || file.isEmpty()) {
                throw new UnreadableSheetException("spreadsheet.noFile");
            }
            if (file.getSize() > MAX_BYTES) {
                throw new UnreadableSheetException("spreadsheet.tooLarge", SpreadsheetImportController.MAX_MEGABYTES);
            }
            return file;
        } catch (MaxUploadSizeExceededException e) {
            throw new UnreadableSheetException("spreadsheet.tooLarge", SpreadsheetImportController.MAX_MEGABYTES);
        } catch (MultipartException e) {
            throw new UnreadableSheetException("spreadsheet.noFile");
        }
    }
}
