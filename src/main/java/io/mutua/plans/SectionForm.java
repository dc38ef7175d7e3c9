package io.mutua.plans;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.Size;

/** The Markdown of one section of a mutual action plan, with the section version it was read at. */
public record SectionForm(
        @Size(max = PlanSections.MAX_CONTENT, message = "{validation.size}") @StorableText String content,
        long version) {

    public SectionForm {
        content = content == null ? "" : content.replace("\r\n", "\n");
    }

    static SectionForm from(SectionView section) {
        return new SectionForm(section.content(), section.version());
    }

    SectionForm withVersion(long newVersion) {
        return new SectionForm(content, newVersion);
    }
}
