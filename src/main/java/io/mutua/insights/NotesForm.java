package io.mutua.insights;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.Size;

/** The account executive's notes for customer success, with the version they were written against. */
record NotesForm(@StorableText @Size(max = Handoffs.MAX_NOTES, message = "{validation.size}") String notes,
        long version) {
}
