package io.mutua.integration;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts every PDF embeds: DejaVu Sans and Sans Mono, which cover Latin, Greek and Cyrillic (the fonts built into
 * PDF readers have no Greek). Read once from the classpath; each document embeds only the glyphs it uses.
 */
final class PdfFonts {

    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";
    private static final String FOLDER = "net/sf/jasperreports/fonts/dejavu/";

    private record Face(String family, int weight, FontStyle style, byte[] bytes) {
    }

    private final List<Face> faces;

    private PdfFonts(List<Face> faces) {
        this.faces = faces;
    }

    static PdfFonts load() {
        return new PdfFonts(List.of(
                face(SANS, 400, FontStyle.NORMAL, "DejaVuSans.ttf"),
                face(SANS, 700, FontStyle.NORMAL, "DejaVuSans-Bold.ttf"),
                face(SANS, 400, FontStyle.ITALIC, "DejaVuSans-Oblique.ttf"),
                face(SANS, 700, FontStyle.ITALIC, "DejaVuSans-BoldOblique.ttf"),
                face(MONO, 400, FontStyle.NORMAL, "DejaVuSansMono.ttf")));
    }

    void register(PdfRendererBuilder builder) {
        for (Face face : faces) {
            builder.useFont(() -> new ByteArrayInputStream(face.bytes()), face.family(), face.weight(), face.style(),
                    true);
        }
    }

    private static Face face(String family, int weight, FontStyle style, String file) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FOLDER + file + " is missing from the classpath");
            }
            return new Face(family, weight, style, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
