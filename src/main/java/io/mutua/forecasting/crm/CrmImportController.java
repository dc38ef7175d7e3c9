package io.mutua.forecasting.crm;

import io.mutua.deals.Pipeline;
import io.mutua.deals.StageView;
import io.mutua.identity.Viewer;
import io.mutua.web.ConflictException;
import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * "Import CRM history": upload a deals export (and optionally a stage-history export), map its columns and stage
 * names, preview what would change, then import in the background while the page shows how far it has come.
 */
@Controller
public class CrmImportController {

    public static final String PATH = "/imports/deals";
    static final String PROGRESS_ID = "import-progress";
    static final String STAGES_ID = "stage-mapping";
    /** The most row errors a page lists; the rest are counted. */
    static final int ERRORS_SHOWN = 100;
    static final long MAX_MEGABYTES = SheetReader.MAX_MEGABYTES;
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK",
            "RON", "CAD", "AUD", "JPY");
    private static final Logger log = LoggerFactory.getLogger(CrmImportController.class);

    private final CrmImports imports;
    private final CrmImporter importer;
    private final ImportRunner runner;
    private final Pipeline pipeline;
    private final MessageSource messages;
    private final String defaultCurrency;

    CrmImportController(CrmImports imports, CrmImporter importer, ImportRunner runner, Pipeline pipeline,
            MessageSource messages, @Value("${mutua.default-currency}") String defaultCurrency) {
        this.imports = imports;
        this.importer = importer;
        this.runner = runner;
        this.pipeline = pipeline;
        this.messages = messages;
        this.defaultCurrency = defaultCurrency;
    }

    /** One import as pages show it. */
    public record ImportView(UUID id, String fileName, String historyName, Instant createdAt, ImportStatus status,
            int totalRows, int processedRows, ImportOutcome outcome, boolean interrupted, long version) {

        static ImportView of(ImportRecord record) {
            return new ImportView(record.id(), record.fileName(), record.historyName(), record.createdAt(),
                    record.status(), record.totalRows(), record.processedRows(), record.outcome(),
                    record.interrupted(), record.version());
        }

        public String path() {
            return PATH + "/" + id;
        }

        public String mappingPath() {
            return path() + "/mapping";
        }

        public String previewPath() {
            return path() + "/preview";
        }

        public String runPath() {
            return path() + "/run";
        }

        /** Where the list of recent imports leads: the mapping until the import ran, then its outcome. */
        public String link() {
            return status == ImportStatus.UPLOADED ? mappingPath() : path();
        }
    }

    /** A rejected row, in the reader's language. */
    public record ErrorLine(String file, int row, String message) {
    }

    /** What an import did or would do, with at most {@link #ERRORS_SHOWN} of its row errors. */
    public record OutcomeView(ImportOutcome counts, List<ErrorLine> errors, int moreErrors) {
    }

    public record UploadPage(FormErrors errors, List<ImportView> recent, long maxMegabytes) {

        public String path() {
            return PATH;
        }
    }

    public record StageMappingPart(List<MappingForm.StageChoice> stages, List<StageView> openStages,
            List<StageView> closingStages) {

        public String id() {
            return STAGES_ID;
        }
    }

    public record MappingPage(ImportView crmImport, SheetOutline deals, SheetOutline history, MappingForm form,
            FormErrors errors, StageMappingPart stages, List<String> currencies, String dateExample,
            CrmMapping saved) {

        public List<CrmField> fields() {
            return List.of(CrmField.values());
        }

        public List<HistoryField> historyFields() {
            return List.of(HistoryField.values());
        }

        public List<DateFormatHint> dateFormats() {
            return List.of(DateFormatHint.values());
        }

        public String stagesPath() {
            return crmImport.mappingPath() + "/stages";
        }

        public String stagesTarget() {
            return "#" + STAGES_ID;
        }
    }

    public record PreviewPage(ImportView crmImport, OutcomeView outcome) {
    }

    public record ResultPage(ImportView crmImport, OutcomeView outcome) {

        public String progressId() {
            return PROGRESS_ID;
        }

        public String dealsPath() {
            return "/deals";
        }

        public String salesCyclePath() {
            return "/insights/sales-cycle";
        }
    }

    @GetMapping(PATH)
    String uploadForm(Viewer viewer, Model model) {
        CrmImports.requireImporter(viewer);
        return uploadPage(viewer, FormErrors.none(), model);
    }

    @PostMapping(PATH)
    String upload(Viewer viewer, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CrmImports.requireImporter(viewer);
        try {
            MultipartHttpServletRequest multipart = multipart(request);
            SheetFile deals = sheet(multipart, "file", true);
            SheetFile history = sheet(multipart, "history", false);
            int rows = readable(deals, "file");
            if (history != null) {
                readable(history, "history");
            }
            UUID id = imports.create(viewer, deals, history, rows);
            return "redirect:" + PATH + "/" + id + "/mapping";
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return uploadPage(viewer, FormErrors.none().with(e, messages, locale), model);
        }
    }

    @GetMapping(PATH + "/{id}/mapping")
    String mapping(Viewer viewer, @PathVariable UUID id, Model model) {
        ImportRecord record = withFiles(viewer, id);
        SheetOutline deals = importer.outline(imports.deals(id));
        SheetOutline history = imports.history(id).map(importer::outline).orElse(null);
        CrmMapping mapping = record.mapping() != null ? record.mapping() : importer.suggest(deals, history);
        return mappingPage(record, deals, history, formFor(id, mapping, record.version()), FormErrors.none(), null,
                model);
    }

    @GetMapping(PATH + "/{id}/mapping/stages")
    String stageNames(Viewer viewer, @PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        ImportRecord record = withFiles(viewer, id);
        MappingForm form = MappingForm.from(params);
        CrmMapping known = record.mapping() != null ? record.mapping()
                : importer.suggest(importer.outline(imports.deals(id)),
                        imports.history(id).map(importer::outline).orElse(null));
        model.addAttribute("part", stagePart(stageChoices(id, form, known)));
        return "forecasting/crm/stage-mapping";
    }

    @PostMapping(PATH + "/{id}/mapping")
    String saveMapping(Viewer viewer, @PathVariable UUID id, @RequestParam Map<String, String> params,
            Locale locale, HttpServletResponse response, Model model) {
        ImportRecord record = withFiles(viewer, id);
        MappingForm form = MappingForm.from(params);
        FormErrors errors = FormErrors.none();
        for (Map.Entry<String, String> problem : form.problems(record.hasHistory()).entrySet()) {
            errors = errors.withField(problem.getKey(), messages.getMessage(problem.getValue(), null, locale));
        }
        CrmMapping saved = null;
        if (!errors.any()) {
            if (imports.saveMapping(id, form.toMapping(), form.version())) {
                return "redirect:" + PATH + "/" + id + "/preview";
            }
            ImportRecord current = imports.get(viewer, id);
            errors = errors.with(new ConflictException(current.status() == ImportStatus.RUNNING
                    ? "crmImport.mapping.running" : "crmImport.mapping.stale"), messages, locale);
            saved = current.mapping();
            record = current;
            form = new MappingForm(form.columns(), form.historyColumns(), form.stages(), form.dates(),
                    form.currency(), current.version());
            response.setStatus(HttpStatus.CONFLICT.value());
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        SheetOutline deals = importer.outline(imports.deals(id));
        SheetOutline history = imports.history(id).map(importer::outline).orElse(null);
        return mappingPage(record, deals, history, form, errors, saved, model);
    }

    @GetMapping(PATH + "/{id}/preview")
    String preview(Viewer viewer, @PathVariable UUID id, Locale locale, HttpServletResponse response, Model model) {
        ImportRecord record = withFiles(viewer, id);
        if (record.mapping() == null) {
            return "redirect:" + PATH + "/" + id + "/mapping";
        }
        ImportOutcome outcome;
        try {
            outcome = importer.preview(viewer, imports.deals(id), imports.history(id).orElse(null),
                    record.mapping());
        } catch (InvalidInputException e) {
            // The files or the pipeline changed since the mapping was saved: the mapping says what to fix.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            SheetOutline deals = importer.outline(imports.deals(id));
            SheetOutline history = imports.history(id).map(importer::outline).orElse(null);
            return mappingPage(record, deals, history, formFor(id, record.mapping(), record.version()),
                    FormErrors.none().with(
                    new ConflictException(e.messageKey(), e.args()), messages, locale), null, model);
        }
        model.addAttribute("page", new PreviewPage(ImportView.of(record), outcome(outcome, locale)));
        return "forecasting/crm/preview";
    }

    /** Starts the import; a second click finds it running (or run) and only shows how far it has come. */
    @PostMapping(PATH + "/{id}/run")
    String run(Viewer viewer, @PathVariable UUID id, @RequestParam long version) {
        ImportRecord record = imports.get(viewer, id);
        if (record.mapping() == null) {
            return "redirect:" + PATH + "/" + id + "/mapping";
        }
        runner.start(viewer, record, version);
        return "redirect:" + PATH + "/" + id;
    }

    @GetMapping(PATH + "/{id}")
    String progress(Viewer viewer, @PathVariable UUID id, Locale locale, HttpServletRequest request, Model model) {
        ImportRecord record = imports.get(viewer, id);
        if (record.status() == ImportStatus.UPLOADED) {
            return "redirect:" + PATH + "/" + id + "/mapping";
        }
        OutcomeView outcome = record.outcome() == null ? null : outcome(record.outcome(), locale);
        model.addAttribute("page", new ResultPage(ImportView.of(record), outcome));
        return Htmx.isHtmx(request) ? "forecasting/crm/progress" : "forecasting/crm/import";
    }

    private ImportRecord withFiles(Viewer viewer, UUID id) {
        ImportRecord record = imports.get(viewer, id);
        if (!record.filesKept()) {
            throw new ConflictException("crmImport.filesDeleted");
        }
        return record;
    }

    /** The form showing a saved or suggested mapping, with every stage name the files hold under it. */
    private MappingForm formFor(UUID id, CrmMapping mapping, long version) {
        MappingForm form = MappingForm.of(mapping, List.of(), version);
        return new MappingForm(form.columns(), form.historyColumns(), stageChoices(id, form, mapping), form.dates(),
                form.currency().isEmpty() ? defaultCurrency : form.currency(), version);
    }

    private String uploadPage(Viewer viewer, FormErrors errors, Model model) {
        model.addAttribute("page", new UploadPage(errors,
                imports.recent(viewer).stream().map(ImportView::of).toList(), MAX_MEGABYTES));
        return "forecasting/crm/upload";
    }

    private String mappingPage(ImportRecord record, SheetOutline deals, SheetOutline history, MappingForm form,
            FormErrors errors, CrmMapping saved, Model model) {
        model.addAttribute("page", new MappingPage(ImportView.of(record), deals, history, form, errors,
                stagePart(form.stages()), CURRENCIES, dateExample(deals, form), saved));
        return "forecasting/crm/mapping";
    }

    private StageMappingPart stagePart(List<MappingForm.StageChoice> choices) {
        List<StageView> stages = pipeline.stages();
        return new StageMappingPart(choices, stages.stream().filter(stage -> !stage.closing()).toList(),
                stages.stream().filter(StageView::closing).toList());
    }

    /**
     * Every stage or outcome name the files hold under the form's columns, each with the stage chosen in the form,
     * else in {@code known} (the saved or suggested mapping), else the one the importer suggests for that name.
     */
    private List<MappingForm.StageChoice> stageChoices(UUID id, MappingForm form, CrmMapping known) {
        Map<String, String> chosen = new HashMap<>();
        known.stages().forEach((name, key) -> chosen.put(normal(name), key));
        form.stages().stream().filter(choice -> !choice.stageKey().isEmpty())
                .forEach(choice -> chosen.put(normal(choice.name()), choice.stageKey()));
        Set<String> names = importer.stageNames(imports.deals(id), form.toMapping(), imports.history(id).orElse(null));
        Map<String, String> suggested = importer.suggestStages(names);
        return names.stream()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .map(name -> new MappingForm.StageChoice(name,
                        chosen.getOrDefault(normal(name), suggested.getOrDefault(name, ""))))
                .toList();
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** A value of the file's created (or close) date column, so that the reader sees which format it is in. */
    private static String dateExample(SheetOutline deals, MappingForm form) {
        for (CrmField field : List.of(CrmField.CREATED, CrmField.CLOSE_DATE)) {
            int column = deals.headers().indexOf(form.column(field));
            if (column < 0) {
                continue;
            }
            for (List<String> row : deals.sample()) {
                if (column < row.size() && !row.get(column).isBlank()) {
                    return row.get(column);
                }
            }
        }
        return null;
    }

    private OutcomeView outcome(ImportOutcome outcome, Locale locale) {
        List<ErrorLine> lines = outcome.errors().stream().limit(ERRORS_SHOWN)
                .map(error -> new ErrorLine(
                        messages.getMessage("crmImport.file." + error.file(), null, error.file(), locale),
                        error.row(), messages.getMessage(error.code(), error.args().toArray(), error.code(), locale)))
                .toList();
        int rejected = Math.max(outcome.errors().size(), outcome.rejected());
        return new OutcomeView(outcome, lines, Math.max(0, rejected - lines.size()));
    }

    /** The number of data rows of a file the importer can read; otherwise why not, next to that file's field. */
    private int readable(SheetFile file, String field) {
        SheetOutline outline;
        try {
            outline = importer.outline(file);
        } catch (DomainException e) {
            throw new InvalidInputException(field, e.messageKey(), e.args());
        } catch (RuntimeException e) {
            log.warn("Unreadable CRM export {}", file.name(), e);
            throw new InvalidInputException(field, "crmImport.unreadable");
        }
        if (outline.headers().isEmpty() || outline.rows() == 0) {
            throw new InvalidInputException(field, "crmImport.empty");
        }
        return outline.rows();
    }

    /** Multipart requests are parsed only here, so that a file too large gets a clear message. */
    private static MultipartHttpServletRequest multipart(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw new InvalidInputException("file", "crmImport.noFile");
        }
        return multipart;
    }

    private static SheetFile sheet(MultipartHttpServletRequest request, String field, boolean required) {
        MultipartFile file;
        try {
            file = request.getFile(field);
        } catch (MaxUploadSizeExceededException e) {
            throw new InvalidInputException(field, "crmImport.tooLarge", MAX_MEGABYTES);
        } catch (MultipartException e) {
            throw new InvalidInputException(field, "crmImport.noFile");
        }
        if (file == null || file.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "crmImport.noFile");
            }
            return null;
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            throw new InvalidInputException(field, "crmImport.fileType");
        }
        try {
            return new SheetFile(name, file.getBytes());
        } catch (IOException e) {
            throw new InvalidInputException(field, "crmImport.unreadable");
        }
    }
}
