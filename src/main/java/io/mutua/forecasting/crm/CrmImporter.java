package io.mutua.forecasting.crm;

import io.mutua.deals.DealId;
import io.mutua.deals.DealImports;
import io.mutua.deals.Pipeline;
import io.mutua.deals.StageView;
import io.mutua.forecasting.DurationStatistics;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.web.ForbiddenException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Imports deals and their stage history from a CRM export. Every row is checked; a bad row is rejected with its
 * reason and the others are imported. Deals are matched by CRM id, so importing the same file again changes nothing.
 * Imported history feeds the duration statistics at once.
 *
 * <p>ADMINs and MANAGERs import, and a MANAGER's import may name any owner: CRM history spans the whole sales
 * organization, people who left included. Rows are written in batches of {@value #BATCH} deals, one transaction each;
 * {@link ImportProgress} hears after each. The CRM is the source of truth for the facts it exports, also for deals
 * worked on in Mutua since an earlier import. With a history file, the history of each deal that has rows in it is
 * replaced by those rows (sorted by time; a closed deal ends in its closing stage at its close time); deals without
 * rows there, and all deals of an import without a history file, keep theirs, a stage change adding one entry.
 */
@Service
public class CrmImporter {

    static final int BATCH = 500;
    /** Longer lists of row errors say only how many more there are ({@link ImportOutcome#rejected()}). */
    static final int MAX_ERRORS = 1000;
    static final int SAMPLE_ROWS = 5;

    private final Pipeline pipeline;
    private final Users users;
    private final DealImports imports;
    private final DurationStatistics statistics;
    private final Clock clock;

    CrmImporter(Pipeline pipeline, Users users, DealImports imports, DurationStatistics statistics, Clock clock) {
        this.pipeline = pipeline;
        this.users = users;
        this.imports = imports;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** The header and first rows of a file, for the mapping step. */
    public SheetOutline outline(SheetFile file) {
        Sheet sheet = SheetReader.read(file);
        int width = sheet.headers().size();
        List<List<String>> sample = sheet.rows().stream().limit(SAMPLE_ROWS)
                .map(row -> java.util.stream.IntStream.range(0, width).mapToObj(row::cell).toList())
                .toList();
        return new SheetOutline(sheet.headers(), sample, sheet.rows().size());
    }

    /** The distinct non-blank values of the given columns (stage and outcome names) in the files, for mapping. */
    public Set<String> stageNames(SheetFile deals, CrmMapping mapping, SheetFile history) {
        Sheet dealSheet = SheetReader.read(deals);
        Sheet historySheet = history == null ? null : SheetReader.read(history);
        Map<String, String> names = new LinkedHashMap<>();
        Map<CrmField, Integer> columns = MappingCheck.indexes(present(mapping.columns(), dealSheet), dealSheet,
                CrmField.class);
        for (Sheet.Row row : dealSheet.rows()) {
            add(names, row.cell(columns.get(CrmField.STAGE)));
            add(names, row.cell(columns.get(CrmField.OUTCOME)));
        }
        if (historySheet != null) {
            Map<HistoryField, Integer> historyColumns = MappingCheck.indexes(
                    present(mapping.historyColumns(), historySheet), historySheet, HistoryField.class);
            historySheet.rows().forEach(row -> add(names, row.cell(historyColumns.get(HistoryField.STAGE))));
        }
        return new LinkedHashSet<>(names.values());
    }

    private static void add(Map<String, String> names, String value) {
        if (!value.isEmpty()) {
            names.putIfAbsent(CrmMapping.normalized(value), value);
        }
    }

    private static <F extends Enum<F>> Map<F, String> present(Map<F, String> columns, Sheet sheet) {
        return columns.entrySet().stream()
                .filter(entry -> entry.getValue() != null && sheet.headers().contains(entry.getValue().trim()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A first mapping guessed from header names and stage names that match the pipeline's. */
    public CrmMapping suggest(SheetOutline deals, SheetOutline history) {
        Map<CrmField, String> columns = HeaderGuess.dealColumns(deals.headers());
        Map<HistoryField, String> historyColumns = history == null ? Map.of()
                : HeaderGuess.historyColumns(history.headers());
        Set<String> names = new LinkedHashSet<>();
        sampleValues(deals, columns.get(CrmField.STAGE), names);
        sampleValues(deals, columns.get(CrmField.OUTCOME), names);
        if (history != null) {
            sampleValues(history, historyColumns.get(HistoryField.STAGE), names);
        }
        return new CrmMapping(columns, historyColumns, suggestStages(names), DateFormatHint.AUTO, null);
    }

    /** The pipeline stage key of each name that equals a stage's name or key, or says won or lost. */
    public Map<String, String> suggestStages(Collection<String> names) {
        return HeaderGuess.stages(names, pipeline.stages());
    }

    private static void sampleValues(SheetOutline outline, String column, Set<String> names) {
        int index = column == null ? -1 : outline.headers().indexOf(column);
        if (index >= 0) {
            outline.sample().stream().filter(row -> index < row.size()).map(row -> row.get(index).trim())
                    .filter(value -> !value.isEmpty()).forEach(names::add);
        }
    }

    /** What {@link #run} would do, without writing anything. */
    public ImportOutcome preview(Viewer importer, SheetFile deals, SheetFile history, CrmMapping mapping) {
        return importFiles(importer, deals, history, mapping, ImportProgress.NONE, false);
    }

    /** Imports; {@code history} may be null. Only ADMIN and MANAGER may import. */
    public ImportOutcome run(Viewer importer, SheetFile deals, SheetFile history, CrmMapping mapping,
            ImportProgress progress) {
        return importFiles(importer, deals, history, mapping, progress == null ? ImportProgress.NONE : progress, true);
    }

    private ImportOutcome importFiles(Viewer importer, SheetFile deals, SheetFile history, CrmMapping mapping,
            ImportProgress progress, boolean write) {
        if (!importer.is(Role.ADMIN) && !importer.is(Role.MANAGER)) {
            throw new ForbiddenException("crm.mayNotImport");
        }
        Sheet dealSheet = SheetReader.read(deals);
        Sheet historySheet = history == null ? null : SheetReader.read(history);
        Map<String, StageView> stages = pipeline.stages().stream()
                .collect(Collectors.toMap(StageView::key, Function.identity()));
        MappingCheck.check(mapping, dealSheet, historySheet, stages.keySet());
        OwnerDirectory owners = new OwnerDirectory(users.all(), importer.userId());
        CrmRows rows = new CrmRows(mapping, stages, owners, clock.getZone());
        rows.read(dealSheet, historySheet);
        int total = dealSheet.rows().size();
        int[] rowNumbers = dealSheet.rows().stream().mapToInt(Sheet.Row::number).toArray();
        Counts counts = new Counts();
        Set<DealId> touched = new HashSet<>();
        Map<String, UUID> namedOwners = new HashMap<>();
        List<DealRow> accepted = rows.deals();
        for (int start = 0; start < accepted.size(); start += BATCH) {
            List<DealRow> batch = accepted.subList(start, Math.min(accepted.size(), start + BATCH));
            List<DealImports.ImportedDeal> imported = new ArrayList<>(batch.size());
            for (DealRow row : batch) {
                imported.add(imported(row, historySheet != null ? rows.history().get(row.crmRef()) : null,
                        write ? ownerId(row.owner(), owners, namedOwners) : row.owner().id()));
            }
            if (write) {
                for (DealImports.Written written : imports.write(imported, clock.instant())) {
                    counts.add(written.change());
                    if (written.change() != DealImports.Change.UNCHANGED) {
                        touched.add(written.deal());
                    }
                }
                int processed = java.util.Arrays.binarySearch(rowNumbers, batch.get(batch.size() - 1).row()) + 1;
                progress.rows(processed, total);
            } else {
                imports.compare(imported).forEach(counts::add);
            }
        }
        progress.rows(total, total);
        if (write) {
            imports.imported(touched, clock.instant());
            statistics.refresh();
        }
        List<RowError> errors = rows.errors().stream()
                .sorted(Comparator.comparing((RowError error) -> !error.file().equals(CrmRows.DEALS))
                        .thenComparingInt(RowError::row))
                .toList();
        return new ImportOutcome(counts.created, counts.updated, counts.unchanged, errors.size(),
                errors.stream().limit(MAX_ERRORS).toList());
    }

    private static DealImports.ImportedDeal imported(DealRow row, List<HistoryRow> history, UUID ownerId) {
        List<DealImports.Entered> entered = history == null || history.isEmpty() ? null
                : history.stream().map(entry -> new DealImports.Entered(entry.stageKey(), entry.at())).toList();
        return new DealImports.ImportedDeal(row.crmRef(), row.name(), row.account(), row.money(), ownerId,
                row.stageKey(), row.closedAt(), row.expectedClose(), row.createdAt(), row.segment(), entered);
    }

    private UUID ownerId(OwnerDirectory.Owner owner, OwnerDirectory owners, Map<String, UUID> named) {
        if (owner.known()) {
            return owner.id();
        }
        return named.computeIfAbsent(owner.key(), key -> {
            UserSummary created = users.namedOwner(owner.name(), owner.email());
            owners.add(owner, created.id());
            return created.id();
        });
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;

        void add(DealImports.Change change) {
            switch (change) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }
}
