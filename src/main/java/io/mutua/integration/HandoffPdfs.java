package io.mutua.integration;

import io.mutua.deals.DealId;
import io.mutua.identity.Viewer;
import io.mutua.insights.HandoffPackage;
import io.mutua.insights.Handoffs;
import io.mutua.web.Markdown;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The handoff of a won deal as a PDF for customer success: the same package as the handoff page, internal notes
 * included, so it is made only for a seller who may read the handoff (buyers never reach it).
 */
@Component
class HandoffPdfs {

    static final String TEMPLATE = "integration/handoff-pdf.jte";

    private final Handoffs handoffs;
    private final PdfRenderer renderer;
    private final Markdown markdown;
    private final MessageSource messages;
    private final Clock clock;

    HandoffPdfs(Handoffs handoffs, PdfRenderer renderer, Markdown markdown, MessageSource messages, Clock clock) {
        this.handoffs = handoffs;
        this.renderer = renderer;
        this.markdown = markdown;
        this.messages = messages;
        this.clock = clock;
    }

    PlanPdfs.PlanPdf handoff(Viewer viewer, UUID handoffId, Locale locale) {
        return print(handoffs.get(viewer, handoffId), locale);
    }

    PlanPdfs.PlanPdf ofDeal(Viewer viewer, DealId dealId, Locale locale) {
        return print(handoffs.forDeal(viewer, dealId), locale);
    }

    private PlanPdfs.PlanPdf print(HandoffPackage handoff, Locale locale) {
        PrintedHandoff printed = new PrintedHandoff(handoff,
                handoff.sections().stream()
                        .map(section -> new PrintedHandoff.Section(section.key().name(), markdown.toHtml(section.content())))
                        .toList(),
                handoff.notes() == null ? null : markdown.toHtml(handoff.notes()), clock.instant());
        DocumentText text = new DocumentText(messages, locale, clock.getZone());
        return new PlanPdfs.PlanPdf(PlanPdfs.fileName(text.t("handoffPdf.fileName", handoff.deal().account())),
                renderer.render(TEMPLATE, printed, text));
    }
}
