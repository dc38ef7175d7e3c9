package io.mutua.deals;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The inline edit of one MEDDPICC element, with the version it was read at (0 while nobody assessed it). */
public record QualificationForm(
        @NotNull(message = "{validation.required}") QualificationStatus status,
        @Size(max = Qualification.MAX_NOTES, message = "{validation.size}") @StorableText String notes,
        @Size(max = Qualification.MAX_NAME, message = "{validation.size}") @StorableText String contactName,
        @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.size}") @StorableText
        String contactEmail,
        long version) {

    public QualificationForm {
        notes = notes == null ? "" : notes.replace("\r\n", "\n");
        contactName = contactName == null ? "" : contactName;
        contactEmail = contactEmail == null ? "" : contactEmail;
    }

    static QualificationForm from(QualificationItem item) {
        return new QualificationForm(item.status(), item.notes(), item.contactName(), item.contactEmail(),
                item.version());
    }

    QualificationForm withVersion(long newVersion) {
        return new QualificationForm(status, notes, contactName, contactEmail, newVersion);
    }

    /** Contact fields of an element that is not a person are ignored, as the form does not show them. */
    QualificationChange toChange(MeddpiccElement element) {
        return new QualificationChange(status, notes, element.person() ? contactName : null,
                element.person() ? contactEmail : null);
    }
}
