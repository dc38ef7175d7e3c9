package io.mutua.integration;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a printed plan into PDF bytes: the print template renders HTML, jsoup makes it a well-formed DOM, and
 * openhtmltopdf lays it out on A4 pages with the embedded fonts. Nothing is fetched while rendering: every external
 * resource (images, style sheets, fonts by URL) is refused, so a document never reaches the network.
 */
@Component
class PdfRenderer {

    static final String TEMPLATE = "integration/plan-pdf.jte";

    static {
        XRLog.setLoggerImpl(new PdfLibraryLog());
    }

    private final TemplateEngine templates;
    private final PdfFonts fonts = PdfFonts.load();
    /** Font metrics, measured once and shared by every rendering (the store is thread-safe). */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();
    private final String baseUri;

    PdfRenderer(TemplateEngine templates, @Value("${mutua.base-url}") String baseUrl) {
        this.templates = templates;
        this.baseUri = baseUrl.replaceAll("/+$", "") + "/";
    }

    byte[] render(PrintedPlan plan, DocumentText text) {
        return pdf(html(plan, text));
    }

    /** Any print template whose parameters are {@code ui} (the reader's language) and {@code doc}. */
    byte[] render(String template, Object doc, DocumentText text) {
        StringOutput html = new StringOutput();
        templates.render(template, Map.of("ui", text, "doc", doc), html);
        return pdf(html.toString());
    }

    String html(PrintedPlan plan, DocumentText text) {
        StringOutput html = new StringOutput();
        templates.render(TEMPLATE, Map.of("ui", text, "doc", plan), html);
        return html.toString();
    }

    private byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Mutua");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        fonts.register(builder);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, baseUri)), baseUri);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
