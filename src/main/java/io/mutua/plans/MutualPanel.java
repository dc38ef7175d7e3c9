package io.mutua.plans;

import io.mutua.deals.MeddpiccElement;
import io.mutua.web.FormErrors;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The part of the plan page about sharing the plan with the buyer. For a closing plan: what qualification still
 * misses and the conversion (with a manager's override). For a mutual action plan: who converted it and when,
 * its details (language, key dates, domains that may join) and its buyer-facing Markdown sections.
 * {@code notice} is a refusal shown at the top of the panel.
 */
public record MutualPanel(PlanView plan, boolean canChange, FormErrors notice, Conversion conversion,
        Converted converted, DetailsPanel details, List<SectionPanel> sections) {

    static final String PANEL_ID = "plan-mutual";

    /** What stands between a closing plan and sharing it, and the override a manager may give. */
    public record Conversion(List<MeddpiccElement> missing, boolean canConvert, boolean canOverride,
            String overrideReason, FormErrors errors) {

        public boolean ready() {
            return missing.isEmpty();
        }

        /** The override form stays open when a refused override comes back. */
        public boolean overriding() {
            return errors.has("overrideReason");
        }
    }

    /** Who made the plan mutual and when; {@code override} is the reason given when qualification was incomplete. */
    public record Converted(Instant at, String byName, String override) {
    }

    /** The details form; after someone else's change, {@code saved} holds what is saved now. */
    public record DetailsPanel(DetailsForm form, FormErrors errors, PlanView saved, boolean open) {
    }

    /**
     * One Markdown section: its text and safe HTML, and its edit form. After someone else's change {@code saved}
     * holds the text saved now, and the form keeps what the user typed.
     */
    public record SectionPanel(SectionView section, String html, SectionForm form, FormErrors errors, String saved,
            boolean open) {

        public String key() {
            return section.key().name().toLowerCase(Locale.ROOT);
        }

        public String fieldId() {
            return "section-" + key();
        }

        public boolean conflict() {
            return saved != null;
        }
    }

    public String panelId() {
        return PANEL_ID;
    }

    public String panelTarget() {
        return "#" + PANEL_ID;
    }

    public String basePath() {
        return "/plans/" + plan.id();
    }

    public String planPath() {
        return "/deals/" + plan.dealId() + "/plan";
    }

    public String sectionPath(SectionPanel section) {
        return basePath() + "/sections/" + section.key();
    }

    public boolean mutual() {
        return plan.mutual();
    }
}
