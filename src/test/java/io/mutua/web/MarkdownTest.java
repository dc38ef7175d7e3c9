package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersTheMarkdownPeopleWriteInGuidance() {
        String html = markdown.toHtml("Done when the **pain** is written down.\n- Ask *why now*\n"
                + "- Book the next call\n\nSee [the playbook](https://example.com/playbook).");

        assertThat(html).contains("<strong>pain</strong>", "<ul>", "<li>Ask <em>why now</em></li>",
                "<a href=\"https://example.com/playbook\" rel=\"nofollow\">the playbook</a>");
    }

    @Test
    void scriptsAndRawHtmlNeverComeThrough() {
        String html = markdown.toHtml("Hello <script>alert('x')</script>\n\n<script>\nalert(1)\n</script>\n\n"
                + "<img src=x onerror=alert(2)> <b onclick=\"alert(3)\">bold</b> <style>p{}</style>");

        assertThat(html).doesNotContain("<script", "<img", "<b ", "<style").contains("&lt;script&gt;");
    }

    @Test
    void dangerousLinksLoseTheirTarget() {
        String html = markdown.toHtml("[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) "
                + "and <javascript:alert(2)>");

        assertThat(html).doesNotContain("href=\"javascript", "href=\"data:").contains("click");
    }

    @Test
    void nothingWrittenIsNothingShown() {
        assertThat(markdown.toHtml(null)).isEmpty();
        assertThat(markdown.toHtml("  \n ")).isEmpty();
    }
}
