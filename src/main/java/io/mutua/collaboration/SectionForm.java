package io.mutua.collaboration;

import jakarta.validation.constraints.Size;

/** The text of one buyer-facing section, with the version it was read at. */
public record SectionForm(
        @Size(max = SectionForm.MAX_CONTENT, message = "{validation.size}") String content,
        Long version) {

    static final int MAX_CONTENT = 20_000;

    public SectionForm {
        content = content == null ? "" : content.replace("\r\n", "\n");
    }

    long readVersion() {
        return version == null ? -1 : version;
    }
}
