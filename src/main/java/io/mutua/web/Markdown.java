package io.mutua.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Markdown that people write (step descriptions, playbook guidance) as HTML that is safe to put on a page. Raw
 * HTML in the text is escaped by the renderer, and the result is cleaned against an allow-list anyway, so no
 * script, style, event handler or {@code javascript:} link ever reaches a page.
 */
@Component
public class Markdown {

    private static final Safelist ALLOWED = Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

    /** Sanitized HTML for {@code markdown}; empty for null or blank text. */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, "", ALLOWED, output);
    }
}
