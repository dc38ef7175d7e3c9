package io.mutua.forecasting.crm;

import io.mutua.identity.Viewer;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Imports deals and their stage history from a CRM export. Every row is checked; a bad row is rejected with its
 * reason and the others are imported. Deals are matched by CRM id, so importing the same file again changes nothing.
 * Imported history feeds the duration statistics at once.
 */
@Service
public class CrmImporter {

    /** The header and first rows of a file, for the mapping step. */
    public SheetOutline outline(SheetFile file) {
        throw new UnsupportedOperationException("issue 7, part C");
    }

    /** The distinct non-blank values of the given columns (stage and outcome names) in the files, for mapping. */
    public Set<String> stageNames(SheetFile deals, CrmMapping mapping, SheetFile history) {
        throw new UnsupportedOperationException("issue 7, part C");
    }

    /** A first mapping guessed from header names and stage names that match the pipeline's. */
    public CrmMapping suggest(SheetOutline deals, SheetOutline history) {
        throw new UnsupportedOperationException("issue 7, part C");
    }

    /** What {@link #run} would do, without writing anything. */
    public ImportOutcome preview(Viewer importer, SheetFile deals, SheetFile history, CrmMapping mapping) {
        throw new UnsupportedOperationException("issue 7, part C");
    }

    /** Imports; {@code history} may be null. Only ADMIN and MANAGER may import. */
    public ImportOutcome run(Viewer importer, SheetFile deals, SheetFile history, CrmMapping mapping,
            ImportProgress progress) {
        throw new UnsupportedOperationException("issue 7, part C");
    }
}
