package io.mutua.forecasting.crm;

import io.mutua.identity.Viewer;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** CRM history import over the API: the same checks and outcome as the import wizard, in one request. */
@RestController
@Tag(name = "CRM import")
class CrmImportApiController {

    static final String PATH = Paths.API + "/imports/deals";
    static final String FILE = "file";
    static final String HISTORY = "history";
    static final String MAPPING = "mapping";
    static final String MAPPING_EXAMPLE = """
            {"columns":{"ID":"Opportunity ID","NAME":"Opportunity Name","ACCOUNT":"Account Name",\
            "OWNER":"Opportunity Owner","AMOUNT":"Amount","STAGE":"Stage","CREATED":"Created Date",\
            "CLOSE_DATE":"Close Date"},\
            "history":{"DEAL_ID":"Opportunity ID","STAGE":"Stage","ENTERED_AT":"Last Modified"},\
            "stages":{"Qualification":"discovery","Closed Won":"won","Closed Lost":"lost"},\
            "dates":"US","defaultCurrency":"USD"}""";
    static final String DESCRIPTION = """
            Imports deals from a CRM export (CSV or XLSX, at most 20 MB and 200,000 rows per file; ADMIN and MANAGER \
            only) and, optionally, a second file of stage-history rows (deal id, stage, entered at), like a CRM \
            opportunity-history export. Multipart parts: `file` (required), `mapping` (JSON, as a form field or a \
            part) and `history` (optional).

            Deals are matched by their CRM id: re-importing the same files creates and updates nothing. Every row is \
            checked; a bad row is rejected with its file, row number (the header is row 1; blank rows are skipped and \
            not counted) and reason, and the others are imported. With `dryRun=true` nothing is written: the answer \
            says what an import would do. Imports never generate plans and never email anyone; imported stage \
            history feeds the stage-duration statistics at once.

            The mapping names the file's column (header text) for each field:

            * `columns` (deals file): `ID`, `NAME`, `STAGE`, `CREATED` required; `ACCOUNT` (the name when blank), \
            `OWNER` (a user's email or name; anyone else becomes a named owner without login; blank: you), `AMOUNT` \
            (`1,234.50`, `1.234,50`, `€ 1.234,50`, `USD 1,234`...), `CURRENCY`, `CLOSE_DATE` (expected close of an \
            open deal, close date of a closed one: then required), `OUTCOME` (won/lost apart from the stage, mapped \
            like stages), `SEGMENT`.
            * `history` (history file): `DEAL_ID`, `STAGE`, `ENTERED_AT`, all required when a history file is sent.
            * `stages`: each stage or outcome name in the files (compared trimmed, ignoring case) to a pipeline stage \
            key (`GET /api/v1/stages`); a name mapped to the won or lost stage closes the deal.
            * `dates`: `AUTO` (default: decided from the file's values; ambiguous values are row errors), `ISO`, `US` \
            (month first) or `EU` (day first).
            * `defaultCurrency`: the ISO code for amounts with no currency symbol, code or column.

            Example mapping:

            ```json
            """ + MAPPING_EXAMPLE + """

            ```

            A mapping that is not JSON, names an unknown field or stage key, or a column the file does not have is \
            refused with 400 naming it.""";

    private final CrmImporter importer;
    private final MessageSource messages;

    CrmImportApiController(CrmImporter importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    /** Multipart parts, for the API description. */
    record ImportForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "The deals export, CSV or XLSX") String file,
            @Schema(description = "How to read the files, as JSON", example = MAPPING_EXAMPLE,
                    requiredMode = Schema.RequiredMode.REQUIRED) String mapping,
            @Schema(type = "string", format = "binary",
                    description = "Optional stage-history export, CSV or XLSX") String history) {
    }

    record RowErrorJson(@Schema(example = "deals") String file, @Schema(example = "7") int row,
            @Schema(example = "Amount: “12k” is not an amount.") String message) {
    }

    /** {@code rejected} counts every rejected row of both files; {@code errors} lists the first 1,000. */
    record ImportJson(int created, int updated, int unchanged, int rejected, List<RowErrorJson> errors) {
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import deals and their stage history from a CRM export", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImportForm.class))))
    ImportJson importDeals(Viewer viewer, HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun, Locale locale) throws IOException {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new InvalidInputException(FILE, "crm.file.missing", FILE);
        }
        try {
            SheetFile deals = file(multipart.getFile(FILE));
            if (deals == null) {
                throw new InvalidInputException(FILE, "crm.file.missing", FILE);
            }
            SheetFile history = file(multipart.getFile(HISTORY));
            CrmMapping mapping = CrmMappingJson.read(mappingText(multipart));
            ImportOutcome outcome = dryRun ? importer.preview(viewer, deals, history, mapping)
                    : importer.run(viewer, deals, history, mapping, ImportProgress.NONE);
            return json(outcome, locale);
        } catch (MaxUploadSizeExceededException e) {
            throw new InvalidInputException(FILE, "crm.file.tooLarge", FILE, SheetReader.MAX_MEGABYTES);
        } catch (MultipartException e) {
            throw new InvalidInputException(FILE, "crm.file.missing", FILE);
        }
    }

    private static String mappingText(MultipartHttpServletRequest multipart) throws IOException {
        String field = multipart.getParameter(MAPPING);
        if (field != null) {
            return field;
        }
        MultipartFile part = multipart.getFile(MAPPING);
        return part == null ? null : new String(part.getBytes(), StandardCharsets.UTF_8);
    }

    private static SheetFile file(MultipartFile part) throws IOException {
        if (part == null || part.isEmpty()) {
            return null;
        }
        if (part.getSize() > SheetReader.MAX_BYTES) {
            throw new InvalidInputException(FILE, "crm.file.tooLarge", part.getOriginalFilename(),
                    SheetReader.MAX_MEGABYTES);
        }
        String name = part.getOriginalFilename() == null ? part.getName() : part.getOriginalFilename();
        return new SheetFile(name, part.getBytes());
    }

    private ImportJson json(ImportOutcome outcome, Locale locale) {
        List<RowErrorJson> errors = outcome.errors().stream()
                .map(error -> new RowErrorJson(error.file(), error.row(),
                        messages.getMessage(error.code(), error.args().toArray(), locale)))
                .toList();
        return new ImportJson(outcome.created(), outcome.updated(), outcome.unchanged(), outcome.rejected(), errors);
    }
}
