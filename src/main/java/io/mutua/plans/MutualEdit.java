package io.mutua.plans;

import io.mutua.web.FormErrors;

/** A change to the mutual-plan panel that was refused, kept open with what the user typed. */
record MutualEdit(FormErrors notice, String overrideReason, FormErrors conversionErrors, DetailsForm details,
        FormErrors detailsErrors, PlanView savedDetails, SectionKey section, SectionForm sectionForm,
        FormErrors sectionErrors, String savedSection) {

    static final MutualEdit NONE = new MutualEdit(FormErrors.none(), null, FormErrors.none(), null, FormErrors.none(),
            null, null, null, FormErrors.none(), null);

    static MutualEdit notice(FormErrors notice) {
        return new MutualEdit(notice, null, FormErrors.none(), null, FormErrors.none(), null, null, null,
                FormErrors.none(), null);
    }

    static MutualEdit conversion(String overrideReason, FormErrors errors) {
        return new MutualEdit(FormErrors.none(), overrideReason, errors, null, FormErrors.none(), null, null, null,
                FormErrors.none(), null);
    }

    static MutualEdit details(DetailsForm form, FormErrors errors, PlanView saved) {
        return new MutualEdit(FormErrors.none(), null, FormErrors.none(), form, errors, saved, null, null,
                FormErrors.none(), null);
    }

    static MutualEdit section(SectionKey key, SectionForm form, FormErrors errors, String saved) {
        return new MutualEdit(FormErrors.none(), null, FormErrors.none(), null, FormErrors.none(), null, key, form,
                errors, saved);
    }
}
