package io.mutua.deals;

import io.mutua.web.FormErrors;
import java.util.List;

/**
 * The MEDDPICC card of a deal page: every element in order, whether the viewer may edit it, and the one element
 * shown as a form ({@code panel}), if any.
 */
public record QualificationCard(DealId dealId, List<QualificationItem> items, boolean canChange,
        ElementPanel panel) {

    static final String CARD_ID = "qualification";
    static final String ELEMENT_ID_PREFIX = "qualification-";

    static QualificationCard of(DealId dealId, List<QualificationItem> items, boolean canChange) {
        return new QualificationCard(dealId, items, canChange, null);
    }

    /**
     * One element as a form: what was typed, the errors and, after someone else's change, what is {@code saved}.
     */
    public record ElementPanel(MeddpiccElement element, QualificationForm form, FormErrors errors,
            QualificationItem saved) {
    }

    QualificationCard withPanel(ElementPanel newPanel) {
        return new QualificationCard(dealId, items, canChange, newPanel);
    }

    public ElementPanel panelFor(MeddpiccElement element) {
        return panel != null && panel.element() == element ? panel : null;
    }

    public List<QualificationItem> missing() {
        return items.stream().filter(QualificationItem::missing).toList();
    }

    public boolean anyRequired() {
        return items.stream().anyMatch(QualificationItem::required);
    }

    public List<QualificationStatus> statuses() {
        return List.of(QualificationStatus.values());
    }

    public String cardId() {
        return CARD_ID;
    }

    public String cardTarget() {
        return "#" + CARD_ID;
    }

    public String dealPath() {
        return DealController.PATH + "/" + dealId;
    }

    public String path(MeddpiccElement element) {
        return dealPath() + "/qualification/" + element.key();
    }

    public String domId(MeddpiccElement element) {
        return ELEMENT_ID_PREFIX + element.key();
    }

    public String target(MeddpiccElement element) {
        return "#" + domId(element);
    }

    /** CSS classes of an element: its status, and whether conversion waits for it. */
    public String classes(QualificationItem item) {
        return "meddpicc-element status-" + item.status().name().toLowerCase()
                + (item.required() ? " required" : "") + (item.missing() ? " missing" : "");
    }
}
