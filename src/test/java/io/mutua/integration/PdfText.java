package io.mutua.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF read back with PDFBox as a reader would see it: its pages' text in the order it was written (a table cell's
 * lines stay together), and each page's text in reading order (where the page numbers in the footer stand).
 */
record PdfText(List<String> pages, List<String> positioned, String title) {

    static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfText(pages(document, false), pages(document, true),
                    document.getDocumentInformation().getTitle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pages(PDDocument document, boolean byPosition) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(byPosition);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            pages.add(stripper.getText(document));
        }
        return List.copyOf(pages);
    }

    /** A page as read from top to bottom, left to right: the running header and footer included. */
    String readingOrder(int number) {
        return flat(positioned.get(number - 1));
    }

    /** All the text, with every run of white space (such as a line wrapped in a table cell) as one space. */
    String all() {
        return flat(String.join("\n", pages));
    }

    String page(int number) {
        return flat(pages.get(number - 1));
    }

    /** The text from the first page that contains {@code heading} to the end. */
    String from(String heading) {
        for (int page = 0; page < pages.size(); page++) {
            if (flat(pages.get(page)).contains(heading)) {
                return flat(String.join("\n", pages.subList(page, pages.size())));
            }
        }
        throw new AssertionError("no page says " + heading + ": " + all());
    }

    /** The pages before the first one that contains {@code heading}. */
    String before(String heading) {
        StringBuilder text = new StringBuilder();
        for (String page : pages) {
            if (flat(page).contains(heading)) {
                break;
            }
            text.append(page).append('\n');
        }
        return flat(text.toString());
    }

    private static String flat(String text) {
        return text.replaceAll("(?<=\\p{L})-\\R", "-").replaceAll("\\s+", " ").strip();
    }

    int pageCount() {
        return pages.size();
    }
}
