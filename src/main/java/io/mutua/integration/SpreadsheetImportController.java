package io.mutua.integration;

import io.mutua.identity.Viewer;
import io.mutua.plans.PlanView;
import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * "Import from a spreadsheet…" on a seller's plan: an upload form with what the sheet must look like, and after an
 * import what it did, or every row that is wrong. htmx swaps the panel; a plain browser gets the whole page with the
 * same outcome. (No redirect after the post: sending the same sheet again changes nothing, as its rows then match
 * the steps they made.)
 */
@Controller
public class SpreadsheetImportController {

    static final String IMPORT = "/plans/{planId}/import";
    static final String PANEL_ID = "spreadsheet-import";
    /** The most problems a page lists; the rest are counted. */
    static final int PROBLEMS_SHOWN = 100;
    static final long MAX_MEGABYTES = 10;

    private final SpreadsheetImport imports;
    private final SheetProblems problems;
    private final MessageSource messages;

    SpreadsheetImportController(SpreadsheetImport imports, SheetProblems problems, MessageSource messages) {
        this.imports = imports;
        this.problems = problems;
        this.messages = messages;
    }

    /** The import page and its swappable panel. */
    public record ImportPage(PlanView plan, FormErrors errors, List<String> problems, int moreProblems,
            ImportSummary summary) {

        public String planPath() {
            return "/deals/" + plan.dealId() + "/plan";
        }

        public String dealPath() {
            return "/deals/" + plan.dealId();
        }

        public String path() {
            return "/plans/" + plan.id() + "/import";
        }

        /** The plan as it is, with internal steps: a sheet to edit and import again. */
        public String exportPath(String extension) {
            return "/plans/" + plan.id() + "/export." + extension + "?internal=true";
        }

        public String panelId() {
            return PANEL_ID;
        }

        public long maxMegabytes() {
            return MAX_MEGABYTES;
        }
    }

    @GetMapping(IMPORT)
    String page(Viewer viewer, @PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = imports.importable(viewer, planId);
        return render(new ImportPage(plan, FormErrors.none(), List.of(), 0, null), request, model);
    }

    @PostMapping(IMPORT)
    String upload(Viewer viewer, @PathVariable UUID planId, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        PlanView plan = imports.importable(viewer, planId);
        try {
            MultipartFile file = file(request);
            ImportSummary summary = imports.importInto(viewer, planId, file.getBytes(), file.getOriginalFilename());
            return render(new ImportPage(plan, FormErrors.none(), List.of(), 0, summary), request, model);
        } catch (SheetRejectedException rejected) {
            List<String> all = problems.texts(rejected, locale);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(new ImportPage(plan, errors(rejected, locale), all.stream().limit(PROBLEMS_SHOWN).toList(),
                    Math.max(0, all.size() - PROBLEMS_SHOWN), null), request, model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(new ImportPage(plan, errors(e, locale), List.of(), 0, null), request, model);
        } catch (IOException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(new ImportPage(plan, errors(new UnreadableSheetException("spreadsheet.unreadable"), locale),
                    List.of(), 0, null), request, model);
        }
    }

    /** The uploaded file; multipart requests are parsed only here, so that a file too large gets a clear message. */
    private static MultipartFile file(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new UnreadableSheetException("spreadsheet.noFile");
        }
        try {
            MultipartFile file = multipart.getFile(SpreadsheetImport.FILE);
            if (file == null || file.isEmpty()) {
                throw new UnreadableSheetException("spreadsheet.noFile");
            }
            if (file.getSize() > MAX_MEGABYTES * 1024 * 1024) {
                throw new UnreadableSheetException("spreadsheet.tooLarge", MAX_MEGABYTES);
            }
            return file;
        } catch (MaxUploadSizeExceededException e) {
            throw new UnreadableSheetException("spreadsheet.tooLarge", MAX_MEGABYTES);
        } catch (MultipartException e) {
            throw new UnreadableSheetException("spreadsheet.noFile");
        }
    }

    private FormErrors errors(DomainException e, Locale locale) {
        return FormErrors.none().with(e, messages, locale);
    }

    private static String render(ImportPage page, HttpServletRequest request, Model model) {
        model.addAttribute("page", page);
        return Htmx.isHtmx(request) ? "integration/import-panel" : "integration/import";
    }
}
