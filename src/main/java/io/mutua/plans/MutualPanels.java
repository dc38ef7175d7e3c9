package io.mutua.plans;

import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Qualification;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.MutualPanel.Conversion;
import io.mutua.plans.MutualPanel.Converted;
import io.mutua.plans.MutualPanel.DetailsPanel;
import io.mutua.plans.MutualPanel.SectionPanel;
import io.mutua.web.FormErrors;
import io.mutua.web.Markdown;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the mutual-plan panel of the plan page for one seller. */
@Component
class MutualPanels {

    private final Qualification qualification;
    private final PlanRepository plans;
    private final Users users;
    private final Markdown markdown;

    MutualPanels(Qualification qualification, PlanRepository plans, Users users, Markdown markdown) {
        this.qualification = qualification;
        this.plans = plans;
        this.users = users;
        this.markdown = markdown;
    }

    /** The panel, or null when there is nothing to show: a closed plan that never became mutual. */
    MutualPanel panel(Viewer viewer, PlanView plan, boolean canChange, MutualEdit edit) {
        if (!plan.mutual()) {
            if (plan.status() == PlanStatus.CLOSED) {
                return null;
            }
            List<MeddpiccElement> missing = qualification.missingForConversion(plan.dealId());
            boolean manager = viewer.is(Role.MANAGER) || viewer.is(Role.ADMIN);
            Conversion conversion = new Conversion(missing, canChange && missing.isEmpty(),
                    canChange && manager && !missing.isEmpty(),
                    edit.overrideReason() == null ? "" : edit.overrideReason(), edit.conversionErrors());
            return new MutualPanel(plan, canChange, edit.notice(), conversion, null, null, List.of());
        }
        String byName = plans.findById(plan.id()).map(Plan::convertedBy).flatMap(users::find)
                .map(UserSummary::name).orElse(null);
        Converted converted = new Converted(plan.convertedAt(), byName, plan.conversionOverride());
        DetailsPanel details = edit.details() != null
                ? new DetailsPanel(edit.details(), edit.detailsErrors(), edit.savedDetails(), true)
                : new DetailsPanel(DetailsForm.from(plan), FormErrors.none(), null, false);
        List<SectionPanel> sections = plan.sections().stream()
                .map(section -> section.key() == edit.section()
                        ? new SectionPanel(section, markdown.toHtml(section.content()), edit.sectionForm(),
                                edit.sectionErrors(), edit.savedSection(), true)
                        : new SectionPanel(section, markdown.toHtml(section.content()), SectionForm.from(section),
                                FormErrors.none(), null, false))
                .toList();
        return new MutualPanel(plan, canChange, edit.notice(), null, converted, details, sections);
    }
}
