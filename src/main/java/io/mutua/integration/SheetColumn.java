package io.mutua.integration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the plan spreadsheet, in their order, with the header label that exports write and imports read.
 * Labels are English on purpose: the header row stays the same in every language, so a sheet exported by a Greek
 * reader imports for everyone. {@link #VISIBILITY} is written only in a seller's export with internal steps.
 */
enum SheetColumn {
    MILESTONE("milestone", true, 28),
    STEP("step", true, 40),
    SIDE("side", true, 9),
    OWNERS("owners", true, 40),
    TARGET_DATE("target date", true, 13),
    BASELINE_DATE("baseline date", false, 13),
    STATUS("status", true, 14),
    COMPLETED_ON("completed on", false, 13),
    NOTES("notes", true, 60),
    VISIBILITY("visibility", false, 11);

    /** The columns every export has; a seller's export with internal steps adds {@link #VISIBILITY}. */
    static final List<SheetColumn> LAYOUT = List.of(MILESTONE, STEP, SIDE, OWNERS, TARGET_DATE, BASELINE_DATE,
            STATUS, COMPLETED_ON, NOTES);
    static final List<SheetColumn> WITH_VISIBILITY = List.of(values());

    private final String label;
    private final boolean required;
    private final int width;

    SheetColumn(String label, boolean required, int width) {
        this.label = label;
        this.required = required;
        this.width = width;
    }

    String label() {
        return label;
    }

    /** Whether an import refuses a sheet without this column. */
    boolean required() {
        return required;
    }

    /** A sensible column width in characters for the XLSX export. */
    int width() {
        return width;
    }

    /** The column a header cell names: any case, with spaces, underscores or hyphens between words. */
    static Optional<SheetColumn> ofHeader(String header) {
        String normalized = header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_-]+", " ");
        for (SheetColumn column : values()) {
            if (column.label.equals(normalized)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
